// The guided book stretch in simulated time: steps, countdown, side order, trend.
#include "stretch/guide.hpp"

#include <catch2/catch.hpp>

#include "stretch/book_stretch.hpp"

using namespace std::chrono_literals;
using sitstretch::core::FirstSide;
using sitstretch::core::Ms;
using sitstretch::core::Side;
using sitstretch::stretch::first_side;
using sitstretch::stretch::Guide;
using sitstretch::stretch::GuideView;
using sitstretch::stretch::side_trend;

TEST_CASE("A 30 s guide: side 1 for 30 s, side 2 for 30 s, then the question") {
  const Guide guide(100s, 30s, Side::right);
  CHECK(guide.at(100s) == GuideView{GuideView::Step::hold, 1, Side::right, Ms{30s}});
  CHECK(guide.at(112s) == GuideView{GuideView::Step::hold, 1, Side::right, Ms{18s}});
  CHECK(guide.at(130s) == GuideView{GuideView::Step::hold, 2, Side::left, Ms{30s}});
  CHECK(guide.at(159s).remaining == 1s);
  CHECK(guide.at(160s).step == GuideView::Step::ask);
  CHECK(guide.at(1000s).step == GuideView::Step::ask);
}

TEST_CASE("The countdown changes every 5 s and at each step, never more often") {
  const Guide guide(0s, 12s, Side::left);
  std::vector<Ms> updates;
  for (std::optional<Ms> t = Ms{0}; (t = guide.next_update(*t));) updates.push_back(*t);
  CHECK(updates == std::vector<Ms>{5s, 10s, 12s, 17s, 22s, 24s});
  CHECK(guide.at(24s).step == GuideView::Step::ask);
  CHECK_FALSE(guide.next_update(24s));
  // Asked in between, it still answers with the next mark.
  CHECK(guide.next_update(Ms{6500}) == Ms{10s});
}

TEST_CASE("Auto side order starts with the side reported less tight") {
  CHECK(first_side(FirstSide::automatic, {}) == Side::left);
  CHECK(first_side(FirstSide::automatic, {Side::right, Side::right, Side::left}) == Side::left);
  CHECK(first_side(FirstSide::automatic, {Side::left, Side::left, Side::right}) == Side::right);
  CHECK(first_side(FirstSide::automatic, {Side::even, Side::even, Side::left}) == Side::left);
  CHECK(first_side(FirstSide::automatic, {Side::left, Side::right}) == Side::left);  // a tie
}

TEST_CASE("Only the last seven reports count") {
  std::vector<Side> reports(10, Side::left);                   // long ago: left tighter
  for (int i = 0; i < 4; ++i) reports.push_back(Side::right);  // lately: right tighter
  // Of the last seven, four say right, three left: start with left.
  CHECK(first_side(FirstSide::automatic, reports) == Side::left);
  reports.pop_back();
  CHECK(first_side(FirstSide::automatic, reports) == Side::right);
}

TEST_CASE("A fixed first side overrides the reports") {
  CHECK(first_side(FirstSide::right, {Side::left, Side::left}) == Side::right);
  CHECK(first_side(FirstSide::left, {Side::right, Side::right}) == Side::left);
}

TEST_CASE("The trend says which side was tighter lately") {
  CHECK(side_trend({}) == "no side reported yet");
  CHECK(side_trend({Side::right, Side::right, Side::left, Side::right, Side::right, Side::even,
                    Side::right}) == "right tighter in 5 of the last 7");
  CHECK(side_trend({Side::left}) == "left tighter in 1 of the last 1");
  CHECK(side_trend({Side::even, Side::even, Side::left}) == "about even in 2 of the last 3");
  CHECK(side_trend({Side::left, Side::right}) == "no clear tighter side in the last 2");
}

TEST_CASE("Each step of the guide has its text") {
  const Guide guide(0s, 30s, Side::left);
  auto first = sitstretch::stretch::guide_text(guide.at(5s));
  CHECK(first.summary == "Side 1 of 2: left foot on the book");
  CHECK(first.body.find("Lock the left knee straight") != std::string::npos);
  CHECK(first.body.find("Hold: 25 s left.") != std::string::npos);
  CHECK(sitstretch::stretch::guide_text(guide.at(30s)).summary ==
        "Side 2 of 2: right foot on the book");
  CHECK(sitstretch::stretch::guide_text(guide.at(60s)).summary == "Which side felt tighter?");
}
