#pragma once

// Raises this process's soft limit on open files towards its hard limit. Each proxied request holds two
// descriptors (client and upstream), and Linux's usual soft limit of 1024 would cap a hub at a few hundred
// concurrent streams long before memory or CPU do. Returns the limit now in force (0 if unknown).
long raiseOpenFileLimit();
