#!/usr/bin/env bash
# Packs an AppDir into a type-2 AppImage: the runtime (runtime.c) followed by a squashfs image of the AppDir.
#   make-appimage.sh MKSQUASHFS RUNTIME APPDIR OUTPUT
set -euo pipefail
mksquashfs=$1 runtime=$2 appdir=$3 output=$4
image=$output.squashfs

rm -f "$image" "$output"
# zstd unpacks fast at every start; -root-owned so the files do not carry the build user's ids.
"$mksquashfs" "$appdir" "$image" -root-owned -noappend -comp zstd -quiet -no-progress
cat "$runtime" "$image" >"$output"
rm -f "$image"
# The type-2 AppImage magic: "AI" and format version 2 in the ELF header's padding, at byte 8.
printf 'AI\002' | dd of="$output" bs=1 seek=8 conv=notrunc status=none
chmod 755 "$output"
echo "make-appimage: $output ($(du -h "$output" | cut -f1))"
