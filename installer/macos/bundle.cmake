# Makes the switchyard target Switchyard.app on macOS (included from app/CMakeLists.txt, where the target lives):
# Info.plist for a tray-first app (LSUIElement: no Dock icon), the icon (painted by switchyard_iconwriter, packed
# by iconutil, which only macOS has), and an install step that runs macdeployqt, so that `cpack -G DragNDrop`
# packs a bundle carrying its Qt frameworks and plugins, QtKeychain and yaml-cpp.

set(iconset ${CMAKE_CURRENT_BINARY_DIR}/switchyard.iconset)
set(icns ${CMAKE_CURRENT_BINARY_DIR}/switchyard.icns)
find_program(SWITCHYARD_ICONUTIL iconutil REQUIRED)
add_custom_command(OUTPUT ${icns}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${iconset}
    COMMAND switchyard_iconwriter --iconset ${iconset}
    COMMAND ${SWITCHYARD_ICONUTIL} -c icns ${iconset} -o ${icns}
    DEPENDS switchyard_iconwriter
    COMMENT "Painting the macOS icon"
    VERBATIM)
target_sources(switchyard PRIVATE ${icns})
set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

# The oldest macOS the bundle runs on: the deployment target if one is set, else the build machine's version,
# since Homebrew builds its Qt for the macOS it runs on. Info.plist.in reads this variable.
if(CMAKE_OSX_DEPLOYMENT_TARGET)
    set(SWITCHYARD_MACOS_MINIMUM ${CMAKE_OSX_DEPLOYMENT_TARGET})
else()
    execute_process(COMMAND sw_vers -productVersion OUTPUT_VARIABLE macos_version OUTPUT_STRIP_TRAILING_WHITESPACE)
    string(REGEX MATCH "^[0-9]+" macos_major "${macos_version}")
    set(SWITCHYARD_MACOS_MINIMUM ${macos_major}.0)
endif()

set_target_properties(switchyard PROPERTIES
    MACOSX_BUNDLE TRUE
    OUTPUT_NAME Switchyard
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_BUNDLE_NAME Switchyard
    MACOSX_BUNDLE_GUI_IDENTIFIER io.switchyard.app
    MACOSX_BUNDLE_ICON_FILE switchyard.icns
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION})

# macdeployqt, run at install time on the installed bundle (the bundle must be installed at the prefix's top).
qt_generate_deploy_app_script(TARGET switchyard OUTPUT_SCRIPT switchyard_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${switchyard_deploy_script})
