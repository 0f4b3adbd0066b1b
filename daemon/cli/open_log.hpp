#pragma once

#include <memory>
#include <string>
#include <variant>

#include "store/store.hpp"

namespace sitstretch::cli {

// The compliance log at its default place ($XDG_STATE_HOME/sitstretch/log.sqlite3) for the
// commands that read it: a null pointer when nothing is logged yet (no file is created), else the
// open log, or a one-line error for fail(). A damaged log is refused and left as it is; moving it
// aside is the daemon's business.
std::variant<std::unique_ptr<store::Store>, std::string> open_log();

}  // namespace sitstretch::cli
