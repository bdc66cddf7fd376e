#pragma once

#include <QStringList>

// `switchyard token create|list|revoke|disable|enable`: manages the access tokens in the data dir's token
// store without the app, as One API's 令牌管理 does in its web UI. A running gateway picks the change up
// within about a second. Returns the process exit code: 0 done, 1 the store failed, 2 bad input.
int runTokenCommand(const QStringList &arguments);

// Whether arguments ask for one of those (not `token hash`, which main() handles).
bool isTokenManagementCommand(const QStringList &arguments);
