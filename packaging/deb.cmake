# The Debian package, made by CPack (packaging/deb.sh builds it). Depends comes from
# dpkg-shlibdeps, so it names exactly the libraries the programs link.

# What Debian policy wants in every package: a copyright file and a changelog.
set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/sitstretch)
string(TIMESTAMP changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/debian/changelog.in ${CMAKE_CURRENT_BINARY_DIR}/changelog @ONLY)
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
  COMMAND gzip -9n -c changelog > changelog.gz
  DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/changelog
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR} VERBATIM)
add_custom_target(sitstretch_changelog ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/debian/copyright ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
        DESTINATION ${doc_dir})

# Files under /etc are the administrator's: dpkg keeps their edits on upgrade and removes them
# only on purge.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/conffiles
     "${xdg_dir}/autostart/sitstretchd.desktop\n${xdg_dir}/sitstretch/config.toml\n")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sitstretch)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "counts your sitting time and prompts the book stretch")
# The extended description; CPack puts the summary above it and indents its lines.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "A small background daemon for Linux desktops that notices how long you have
been sitting and, after a while, walks you through one stretch for the low
back. You accept, snooze or skip from the notification, the tray or the
command line, and every prompt, answer and break goes into a local log.

The package holds the daemon sitstretchd with its systemd user unit and XDG
autostart entry, and the command-line client sitstretch.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "sitstretch developers <dev@sitstretch.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_BINARY_DIR}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR})
include(CPack)
