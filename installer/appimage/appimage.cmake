# The AppImage, from Debian packages alone (no appimagetool or linuxdeploy there, and nothing is downloaded):
#   cmake --build build --target appdir     build/Switchyard.AppDir, a self-contained tree (make-appdir.sh)
#   cmake --build build --target appimage   build/Switchyard-<version>-<arch>.AppImage: runtime.c + squashfs
# Neither is part of the default build; `./dev package` installs the tools and builds both.

set(SWITCHYARD_APPDIR ${CMAKE_BINARY_DIR}/Switchyard.AppDir)
set(SWITCHYARD_APPIMAGE ${CMAKE_BINARY_DIR}/Switchyard-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}.AppImage)

find_program(SWITCHYARD_PATCHELF patchelf)
find_program(SWITCHYARD_MKSQUASHFS mksquashfs PATHS /usr/sbin /sbin)

add_custom_target(appdir
    COMMAND ${CMAKE_COMMAND} -E env PATCHELF=${SWITCHYARD_PATCHELF}
            ${CMAKE_CURRENT_LIST_DIR}/make-appdir.sh
            ${CMAKE_BINARY_DIR} ${SWITCHYARD_APPDIR} $<TARGET_FILE:Qt6::qtpaths>
    USES_TERMINAL
    VERBATIM)
add_dependencies(appdir switchyard switchyard_icons)

# The runtime links squashfuse, libfuse3 and the decompressors statically, so the AppImage needs none of them
# on the host (Debian: libsquashfuse-dev libfuse3-dev libzstd-dev liblzma-dev liblz4-dev liblzo2-dev zlib1g-dev).
set(runtime_libs squashfuse_ll squashfuse fuse3 zstd lzma lz4 lzo2 z)
set(runtime_missing)
foreach(lib ${runtime_libs})
    find_library(SWITCHYARD_STATIC_${lib} NAMES lib${lib}.a)
    if(NOT SWITCHYARD_STATIC_${lib})
        list(APPEND runtime_missing lib${lib}.a)
    endif()
endforeach()
find_path(SWITCHYARD_SQUASHFUSE_INCLUDE squashfuse/ll.h)

if(runtime_missing OR NOT SWITCHYARD_SQUASHFUSE_INCLUDE OR NOT SWITCHYARD_MKSQUASHFS OR NOT SWITCHYARD_PATCHELF)
    message(STATUS "AppImage: no 'appimage' target (missing: ${runtime_missing} "
                   "${SWITCHYARD_SQUASHFUSE_INCLUDE} ${SWITCHYARD_MKSQUASHFS} ${SWITCHYARD_PATCHELF}); "
                   "`./dev package` installs what it needs")
    return()
endif()

enable_language(C)
add_executable(appimage_runtime EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/runtime.c)
set_target_properties(appimage_runtime PROPERTIES AUTOMOC OFF)
target_compile_options(appimage_runtime PRIVATE -Os -Wall -Wextra)
# -static: the runtime runs before anything from the image can be loaded; -s: it is copied into every AppImage.
# (The linker warns that libfuse3 calls dlopen; that path loads FUSE modules, which the runtime never asks for.)
target_link_options(appimage_runtime PRIVATE -static -s)
foreach(lib ${runtime_libs})
    target_link_libraries(appimage_runtime PRIVATE ${SWITCHYARD_STATIC_${lib}})
endforeach()
target_link_libraries(appimage_runtime PRIVATE pthread dl)

add_custom_target(appimage
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/make-appimage.sh ${SWITCHYARD_MKSQUASHFS} $<TARGET_FILE:appimage_runtime>
            ${SWITCHYARD_APPDIR} ${SWITCHYARD_APPIMAGE}
    USES_TERMINAL
    VERBATIM)
add_dependencies(appimage appdir appimage_runtime)
