# CPack: `cpack` in the build folder makes the .deb on Linux (`cpack -G DEB`) and the .dmg on macOS
# (`cpack -G DragNDrop`), from the project's install() rules.

set(CPACK_PACKAGE_NAME Switchyard)
set(CPACK_PACKAGE_VENDOR "Switchyard")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines kept short: Debian shows the long description as written.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Switchyard turns the API keys you hold (OpenAI, Anthropic, Gemini, DeepSeek,"
    "Qwen, Ollama, LM Studio or any OpenAI-compatible server) into one local API"
    "that every tool already speaks. It routes each model name to the providers"
    "that serve it, balances load, fails over, and records every request. It lives"
    "in the tray or runs headless, and keeps keys in the system keychain.")
# Placeholders until the project has its public home and a maintainer address.
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/switchyard-app/switchyard")
set(CPACK_PACKAGE_CONTACT "Switchyard maintainers <maintainers@switchyard.invalid>")
set(CPACK_STRIP_FILES ON)

# .deb: dpkg-shlibdeps names the libraries the binary links (Qt, QtKeychain, yaml-cpp, libc...). What is loaded
# with dlopen it cannot see, so those are named here: libsecret (QtKeychain's Secret Service backend), the Qt
# SQLite driver (the request log), OpenSSL 3 (the Qt TLS backend; HTTPS providers).
set(CPACK_DEBIAN_PACKAGE_NAME switchyard)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6sql6-sqlite, libssl3")
# Native Wayland windows and Qt's own translations; a Secret Service to keep keys in (any desktop keyring will do).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# .dmg: the bundle app/ makes (installer/macos/bundle.cmake), with a link to /Applications to drag it onto.
set(CPACK_DMG_VOLUME_NAME Switchyard)

if(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_PACKAGE_FILE_NAME "Switchyard-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
elseif(UNIX)
    set(CPACK_GENERATOR DEB)
endif()

include(CPack)
