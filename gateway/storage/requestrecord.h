#pragma once

#include <QMetaType>
#include <QString>

// One client request as the log keeps it. Bodies are not kept.
struct RequestRecord final {
    qint64 id = 0;          // assigned by the database
    qint64 timeMs = 0;      // wall clock, ms since the epoch, when the request arrived
    QString client;         // peer address
    QString endpoint;       // "/v1/chat/completions", ...
    QString publicModel;
    QString provider;       // the provider that answered (or last tried)
    QString localModel;
    int attempts = 0;
    int status = 0;         // HTTP status sent to the client; 499 when the client went away
    qint64 latencyMs = 0;
    qint64 ttfbMs = -1;     // -1: no byte reached the client
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
    bool stream = false;
    QString error;
    QString token;          // the access token's name; empty when the gateway needs none
    qint64 tokenId = 0;     // the token store's id; 0 for tokens from the YAML config and for no token
    bool quotaCounted = false; // admitted as a model call, so it counts against the token's request quota
};

Q_DECLARE_METATYPE(RequestRecord)
