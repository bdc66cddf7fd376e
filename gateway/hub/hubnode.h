#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class HubCall;
class QWebSocket;
class UpstreamExchange;

struct HubTimings final {
    int pingIntervalMs = 15'000; // the reference server's rhythm
    int dropAfterMs = 30'000;    // after the last pong
};

// One Co-Link node connected to this gateway's hub: its socket, what it registered, and the calls it is
// running. Reads its socket whatever the callers do, so a slow or departed caller never stalls the node.
class HubNode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubNode)

public:
    // Takes ownership of the socket.
    HubNode(QWebSocket *socket, QString id, QString tokenName, const HubTimings &timings, QObject *parent = nullptr);
    ~HubNode() override;

    QString id() const { return m_id; }
    QString tokenName() const { return m_tokenName; }
    QString name() const; // what the node calls itself, else the name of its token
    QString address() const { return m_address; }
    qint64 connectedSinceMs() const { return m_connectedSinceMs; } // wall clock
    bool isRegistered() const { return m_registered; }
    QStringList models() const { return m_models; }
    int maxParallel() const { return m_maxParallel; }

    // Sends a CALL with a fresh request id; the exchange reports the node's answer as an HTTP answer.
    UpstreamExchange *startCall(const QString &model, const QByteArray &openAiBody, bool stream, QObject *parent);
    // Closes the connection (token revoked, gateway shutting down).
    void disconnectNode(const QString &reason);

Q_SIGNALS:
    void registered(); // REGISTER received: models or max_parallel may have changed
    void gone();       // the socket closed; every call on it has failed

private:
    friend class HubCall;
    bool send(const QByteArray &frame);
    void forget(const QString &requestId) { m_calls.remove(requestId); }

    void onMessage(const QString &text);
    void onRegister(const QJsonObject &data);
    void onClosed();
    void failCalls();
    void checkAlive();

    QWebSocket *m_socket;
    QString m_id;
    QString m_tokenName;
    QString m_selfName;
    QString m_address;
    qint64 m_connectedSinceMs = 0;
    bool m_registered = false;
    bool m_closed = false;
    QStringList m_models;
    int m_maxParallel = 1;
    QHash<QString, QPointer<HubCall>> m_calls;

    HubTimings m_timings;
    QTimer m_pingTimer;
    QElapsedTimer m_sinceLastPong;
};
