#include "filelimit.h"

#include <algorithm>
#include <sys/resource.h>

long raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    // macOS reports an unlimited hard limit but refuses more than OPEN_MAX-ish values; 65536 is plenty here.
    const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? rlim_t(65536) : std::min<rlim_t>(limit.rlim_max, 65536);
    if (limit.rlim_cur < wanted) {
        rlimit raised = limit;
        raised.rlim_cur = wanted;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            return long(wanted);
    }
    return long(limit.rlim_cur);
}
