#pragma once

#include "config/config.h"
#include "server/relaycall.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

class NodeExchange;
class QWebSocket;

struct NodeTimings final {
    int backoffFirstMs = 2'000; // failed dials wait 2, 4, 8, 16, 32, 32 ... s, as the reference client does
    int backoffMaxMs = 32'000;
    int pingIntervalMs = 15'000; // we ping the server too, so a silent death is noticed
    int deadAfterMs = 45'000;    // nothing heard (message or pong) for this long: the server is gone
    int dialTimeoutMs = 20'000;  // TCP, TLS and the upgrade
    int minHealthyMs = 5'000;    // a connection that dies sooner counts as a failed dial
};

// Node mode ("share this machine"): dials a Co-Link server, offers this machine's providers under their
// public names, and runs each CALL through the same relay as the local API, on local providers only.
class NodeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeClient)

public:
    enum class State { Off, Connecting, Connected, Backoff };
    Q_ENUM(State)

    struct Status {
        State state = State::Off;
        QString serverUrl;
        qint64 nextRetryAtMs = 0;  // wall clock, in Backoff
        qint64 connectedSinceMs = 0; // wall clock, in Connected
        int failedDials = 0;
        qint64 served = 0;
        int inFlight = 0;
        qint64 errors = 0;
        QString lastError;
        QStringList models;
    };

    NodeClient(const RelayContext &relay, const NodeTimings &timings, QObject *parent = nullptr);
    ~NodeClient() override;

    // Server, token and max_parallel; redials when they changed and the node is on.
    void configure(const ColinkSettings &settings);
    // The runtime switch. On without a server_url or token stays Off and says why in lastError.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // The providers changed: registers again when the offered models differ.
    void refreshModels();

    Status status() const;
    QJsonObject statusJson() const;
    static QString stateName(State state);

Q_SIGNALS:
    void statusChanged();

private:
    void dial();
    void hangUp();
    void onConnected();
    void onUnconnected();
    void onMessage(const QString &text);
    void onCall(const QJsonObject &data);
    void onCancel(const QString &requestId);
    void checkAlive();
    void scheduleRedial();
    void sendFrame(const QByteArray &frame);
    void sendRegister();
    void failCall(const QString &requestId, int code, const QString &message);
    QStringList offeredModels() const;
    void setState(State state);

    RelayContext m_relay;
    NodeTimings m_timings;
    ColinkSettings m_settings;
    bool m_enabled = false;

    QWebSocket *m_socket = nullptr;
    State m_state = State::Off;
    QStringList m_registeredModels;
    QHash<QString, QPointer<NodeExchange>> m_calls;

    QTimer m_redialTimer;
    QTimer m_dialTimer;
    QTimer m_pingTimer;
    QElapsedTimer m_sinceHeard;
    QElapsedTimer m_connectedFor;
    qint64 m_nextRetryAtMs = 0;
    qint64 m_connectedSinceMs = 0;
    int m_failedDials = 0; // in a row, for the status
    int m_backoffStep = 0;  // reset only by a connection that lasted: a server that accepts and drops
                            // at once is not hammered
    qint64 m_served = 0;
    qint64 m_errors = 0;
    QString m_lastError;
    QString m_dropReason; // why we are dropping the connection ourselves, reported once it is down
};
