/*
 * Switchyard's AppImage runtime.
 *
 * A type-2 AppImage is an ELF program (this one, with "AI\x02" at byte 8) followed by a squashfs image of the
 * AppDir. Started, the runtime finds the image at the end of its own ELF, mounts it read-only with FUSE in a
 * helper process and execs the image's AppRun; when the application and everything it started have exited
 * (the last holder of a "keep-alive" pipe closes it) the helper unmounts. Hosts without usable FUSE
 * (containers without /dev/fuse, no fusermount3 for non-root users) get the image extracted to a temporary
 * folder instead, which is deleted when the application exits.
 *
 * Written for this project because Debian ships no AppImage runtime, but ships what one needs: squashfuse's
 * low-level FUSE operations (libsquashfuse_ll.a), libfuse3.a and the decompressors, all linked statically so
 * the AppImage needs no library from the host.
 *
 *   --appimage-offset     print where the squashfs image starts (for `unsquashfs -o` or `mount -o offset=`)
 *   --appimage-extract    unpack the image into ./squashfs-root and exit
 *   APPIMAGE_EXTRACT_AND_RUN=1   never try FUSE: extract to a temporary folder, run, delete it
 * Sets APPIMAGE (this file), APPDIR (the mounted or extracted image), ARGV0 and OWD for the application.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* squashfuse's config.h defines _POSIX_C_SOURCE for its own sources; _GNU_SOURCE above already covers it. */
#undef _POSIX_C_SOURCE
#include <squashfuse/ll.h>
#include <squashfuse/traverse.h>

static void fail(const char *what) { fprintf(stderr, "AppImage runtime: %s: %s\n", what, strerror(errno)); }

/* The image starts where the ELF ends: after the section headers, which the linker puts last, or after the
   last segment if something moved them. */
static off_t elf_size(const char *path)
{
    Elf64_Ehdr eh;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    off_t end = -1;
    if (fd < 0 || pread(fd, &eh, sizeof eh, 0) != sizeof eh || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0
        || eh.e_ident[EI_CLASS] != ELFCLASS64)
        goto out;
    end = (off_t)(eh.e_shoff + (Elf64_Off)eh.e_shentsize * eh.e_shnum);
    for (int i = 0; i < eh.e_phnum; ++i) {
        Elf64_Phdr ph;
        if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + (Elf64_Off)i * eh.e_phentsize)) != sizeof ph) {
            end = -1;
            goto out;
        }
        if ((off_t)(ph.p_offset + ph.p_filesz) > end)
            end = (off_t)(ph.p_offset + ph.p_filesz);
    }
out:
    if (fd >= 0)
        close(fd);
    return end;
}

static int write_all(int fd, const char *buf, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, buf, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        size -= (size_t)n;
    }
    return 0;
}

static int extract_file(sqfs *fs, sqfs_inode *inode, const char *path, mode_t mode)
{
    static char buf[1 << 17];
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return -1;
    for (sqfs_off_t at = 0; at < (sqfs_off_t)inode->xtra.reg.file_size;) {
        sqfs_off_t n = (sqfs_off_t)inode->xtra.reg.file_size - at;
        if (n > (sqfs_off_t)sizeof buf)
            n = sizeof buf;
        if (sqfs_read_range(fs, inode, at, &n, buf) != SQFS_OK || n <= 0
            || write_all(fd, buf, (size_t)n) != 0) {
            close(fd);
            return -1;
        }
        at += n;
    }
    return close(fd);
}

/* Unpacks the image into dest (which may exist): directories, regular files and symlinks, which is all an
   AppDir holds. */
static int extract(const char *image, off_t offset, const char *dest)
{
    sqfs fs;
    sqfs_traverse trv;
    sqfs_err err = SQFS_OK;
    int result = 0;
    if (sqfs_open_image(&fs, image, (size_t)offset) != SQFS_OK)
        return -1;
    if ((mkdir(dest, 0755) != 0 && errno != EEXIST)
        || sqfs_traverse_open(&trv, &fs, sqfs_inode_root(&fs)) != SQFS_OK) {
        close(fs.fd);
        sqfs_destroy(&fs);
        return -1;
    }
    while (result == 0 && sqfs_traverse_next(&trv, &err)) {
        if (trv.dir_end)
            continue;
        char path[PATH_MAX];
        sqfs_inode inode;
        if (snprintf(path, sizeof path, "%s/%s", dest, trv.path) >= (int)sizeof path
            || sqfs_inode_get(&fs, &inode, sqfs_dentry_inode(&trv.entry)) != SQFS_OK) {
            result = -1;
            break;
        }
        /* The owner keeps write access to folders, or their contents could not be written. */
        const mode_t mode = inode.base.mode & 07777;
        switch (inode.base.inode_type) {
        case SQUASHFS_DIR_TYPE:
        case SQUASHFS_LDIR_TYPE:
            if (mkdir(path, mode | 0700) != 0 && errno != EEXIST)
                result = -1;
            break;
        case SQUASHFS_REG_TYPE:
        case SQUASHFS_LREG_TYPE:
            result = extract_file(&fs, &inode, path, mode);
            break;
        case SQUASHFS_SYMLINK_TYPE:
        case SQUASHFS_LSYMLINK_TYPE: {
            char target[PATH_MAX];
            size_t size = sizeof target;
            unlink(path);
            if (sqfs_readlink(&fs, &inode, target, &size) != SQFS_OK || symlink(target, path) != 0)
                result = -1;
            break;
        }
        default: /* devices, fifos, sockets: never in an AppDir */
            break;
        }
        if (result != 0)
            fprintf(stderr, "AppImage runtime: cannot extract %s\n", path);
    }
    if (err != SQFS_OK)
        result = -1;
    sqfs_traverse_close(&trv);
    close(fs.fd);
    sqfs_destroy(&fs);
    return result;
}

static void set_environment(const char *self, const char *appdir, const char *argv0)
{
    char cwd[PATH_MAX];
    setenv("APPIMAGE", self, 1);
    setenv("APPDIR", appdir, 1);
    setenv("ARGV0", argv0, 1);
    if (getcwd(cwd, sizeof cwd))
        setenv("OWD", cwd, 1);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static pid_t app_pid;
static void forward_signal(int sig) { kill(app_pid, sig); }

/* Extracts to a fresh temporary folder, runs AppRun as a child, deletes the folder, exits as AppRun did. */
static int extract_and_run(const char *self, off_t offset, char **argv)
{
    char dir[PATH_MAX], apprun[PATH_MAX + 8];
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(dir, sizeof dir, "%s/appimage_extracted_XXXXXX", tmp);
    if (!mkdtemp(dir)) {
        fail("cannot make a temporary folder");
        return 1;
    }
    int status = 1;
    if (extract(self, offset, dir) == 0) {
        snprintf(apprun, sizeof apprun, "%s/AppRun", dir);
        set_environment(self, dir, argv[0]);
        app_pid = fork();
        if (app_pid == 0) {
            execv(apprun, argv);
            fail("cannot start AppRun");
            _exit(127);
        }
        /* Stopping the runtime stops the application, which then lets the folder be deleted. */
        signal(SIGTERM, forward_signal);
        signal(SIGINT, forward_signal);
        signal(SIGHUP, forward_signal);
        while (app_pid > 0 && waitpid(app_pid, &status, 0) < 0 && errno == EINTR) {
        }
        status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    } else {
        fprintf(stderr, "AppImage runtime: cannot extract the image into %s\n", dir);
    }
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return status;
}

/* The FUSE helper: serves the image until every holder of the keep-alive pipe has exited, then unmounts. */
static void serve(const char *self, off_t offset, const char *mountpoint, int ready, int keepalive)
{
    static struct fuse_lowlevel_ops ops = {
        .getattr = sqfs_ll_op_getattr, .opendir = sqfs_ll_op_opendir, .releasedir = sqfs_ll_op_releasedir,
        .readdir = sqfs_ll_op_readdir, .lookup = sqfs_ll_op_lookup,   .open = sqfs_ll_op_open,
        .create = sqfs_ll_op_create,   .release = sqfs_ll_op_release, .read = sqfs_ll_op_read,
        .readlink = sqfs_ll_op_readlink, .listxattr = sqfs_ll_op_listxattr, .getxattr = sqfs_ll_op_getxattr,
        .forget = sqfs_ll_op_forget,   .statfs = stfs_ll_op_statfs,
    };
    char *fuse_argv[] = {"appimage", "-o", "ro", NULL};
    struct fuse_args args = FUSE_ARGS_INIT(3, fuse_argv);
    sqfs_ll_chan channel = {0};
    sqfs_ll *ll = sqfs_ll_open(self, (size_t)offset);
    if (!ll || sqfs_ll_mount(&channel, mountpoint, &args, &ops, sizeof ops, ll) != SQFS_OK)
        _exit(1); /* the parent sees the ready pipe close without a byte and falls back to extracting */
    if (write(ready, "1", 1) != 1)
        _exit(1);
    close(ready);
    /* Hold no terminal, pipe or folder of the caller's: `$(app --version)` must not wait for this helper, nor
       a folder stay busy because the app was started from it. */
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0), dup2(null, 1), dup2(null, 2);
        if (null > 2)
            close(null);
    }
    if (chdir("/") != 0)
        _exit(1);

    struct fuse_buf buf = {0};
    for (;;) {
        struct pollfd fds[2] = {{fuse_session_fd(channel.session), POLLIN, 0}, {keepalive, POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[1].revents) /* EOF: the application and its children are gone */
            break;
        if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) /* unmounted from outside */
            break;
        const int n = fuse_session_receive_buf(channel.session, &buf);
        if (n == -EINTR || n == -EAGAIN)
            continue;
        if (n <= 0)
            break;
        fuse_session_process_buf(channel.session, &buf);
    }
    free(buf.mem);
    sqfs_ll_unmount(&channel, mountpoint);
    rmdir(mountpoint);
    _exit(0);
}

/* Mounts the image and execs AppRun in this process; returns only when FUSE is unusable. */
static void mount_and_exec(const char *self, off_t offset, char **argv)
{
    char mountpoint[PATH_MAX], apprun[PATH_MAX + 8];
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    int ready[2], keepalive[2];
    snprintf(mountpoint, sizeof mountpoint, "%s/.mount_SwitchyXXXXXX", tmp);
    if (!mkdtemp(mountpoint))
        return;
    if (pipe2(ready, O_CLOEXEC) != 0 || pipe(keepalive) != 0) {
        rmdir(mountpoint);
        return;
    }
    const pid_t helper = fork();
    if (helper == 0) {
        /* Fork again so the helper is nobody's child (the application never sees it exit), and leave the
           terminal's process group so Ctrl-C stops the application, not the filesystem under it. */
        if (fork() != 0)
            _exit(0);
        setsid();
        close(ready[0]);
        close(keepalive[1]);
        serve(self, offset, mountpoint, ready[1], keepalive[0]);
    }
    close(ready[1]);
    close(keepalive[0]);
    if (helper > 0)
        waitpid(helper, NULL, 0);
    char byte;
    ssize_t n;
    while ((n = read(ready[0], &byte, 1)) < 0 && errno == EINTR) {
    }
    close(ready[0]);
    if (n != 1) {
        close(keepalive[1]);
        rmdir(mountpoint);
        return;
    }
    /* keepalive[1] stays open (not close-on-exec) in the application and whatever it starts. */
    snprintf(apprun, sizeof apprun, "%s/AppRun", mountpoint);
    set_environment(self, mountpoint, argv[0]);
    execv(apprun, argv);
    fail("cannot start AppRun");
    exit(127);
}

int main(int argc, char **argv)
{
    char self[PATH_MAX];
    if (!realpath("/proc/self/exe", self)) {
        fail("cannot find its own file");
        return 1;
    }
    const off_t offset = elf_size(self);
    if (offset <= 0) {
        fprintf(stderr, "AppImage runtime: %s is not a 64-bit ELF file\n", self);
        return 1;
    }
    if (argc > 1 && strcmp(argv[1], "--appimage-offset") == 0) {
        printf("%lld\n", (long long)offset);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--appimage-extract") == 0) {
        if (extract(self, offset, "squashfs-root") != 0)
            return 1;
        printf("squashfs-root\n");
        return 0;
    }
    const char *force = getenv("APPIMAGE_EXTRACT_AND_RUN");
    if (!force || strcmp(force, "1") != 0) {
        mount_and_exec(self, offset, argv);
        fprintf(stderr, "AppImage runtime: FUSE is not available here; extracting to a temporary folder "
                        "instead (install fuse3 to start faster)\n");
    }
    return extract_and_run(self, offset, argv);
}
