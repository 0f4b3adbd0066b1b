#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <variant>

namespace sitstretch::store {

// Moves a damaged log out of the way so a new one can start, keeping it for inspection or
// recovery: `log.sqlite3` becomes `log.sqlite3.corrupt-YYYYMMDDTHHMMSS` (local time of `now`),
// and its `-wal`, `-shm` and `-journal` companions move along under the same new name plus their
// suffix, so SQLite still pairs them. Never overwrites: if that name is taken, "-2", "-3", ... is
// appended. Returns the new path of the database, or why it could not be moved (then nothing
// was moved, unless a companion failed after the database moved: the error says so).
std::variant<std::filesystem::path, std::string> move_aside(const std::filesystem::path& file,
                                                            std::time_t now);

}  // namespace sitstretch::store
