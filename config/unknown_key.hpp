#pragma once

#include <string>
#include <string_view>

namespace sitstretch::config {

// Messages for names the schema does not know, with a did-you-mean for near misses so that a
// typo is fixed from the message alone.

// A key in one of the known tables, e.g. "intervall" in [sitting].
std::string unknown_key_in_table(std::string_view table, std::string_view name);

// A name at the top level of the file that is not one of the tables. is_table says whether the
// file made it a table ([sittin]) or a plain key (interval = "45m").
std::string unknown_top_level(std::string_view name, bool is_table);

}  // namespace sitstretch::config
