#pragma once

#include "fakedialect.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>

class QTcpSocket;

// An upstream provider for tests, on 127.0.0.1 with a free port, speaking OpenAI's wire format. Each test
// sets how it behaves: answer, stream, fail with a status, hang, trickle, or cut a stream in the middle.
// Json answers POST .../images/generations (and .../videos/generations) with an OpenAI images response;
// Tasks answers them as EvoLink's task API does: a task object, then GET .../tasks/{id} until it is done.
// Speak also answers GET <base>/models with a list of models, as each provider does.
class FakeUpstream final : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Json,        // a chat.completion (or embeddings list) with usage
        Stream,      // SSE chat.completion.chunk events, then a usage chunk and [DONE]
        Status,      // an error status with an OpenAI-shaped error body
        Hang,        // reads the request and never answers
        CutMidStream,// starts a stream, then drops the connection after cutAfterChunks events
        RawBody,     // status + body exactly as given
        Speak,       // answers as the dialect's real provider would (see fakedialect.h), streams included
        Tasks,       // EvoLink: generations answer with a pending task; GET /tasks/{id} reports it (see below)
    };
    struct Behavior {
        Mode mode = Mode::Json;
        int status = 200;
        QByteArray body = {};      // RawBody; or the error message for Status
        QByteArray retryAfter = {}; // Status 429
        int chunks = 3;            // Stream: content events before the usage chunk
        int intervalMs = 5;        // Stream: pause between events
        int cutAfterChunks = 1;
        int headersDelayMs = 0;    // pause before anything is sent
        int paddingBytes = 0;      // Stream: extra characters in each content event
        Dialect dialect = Dialect::OpenAi; // Speak and Status: whose wire format
        QStringList models = {};   // Speak: the ids GET .../models lists; empty: FakeDialect::defaultModelIds
        int pollsBeforeDone = 3;   // Tasks: polls answered "processing" (progress rising) before the last one
        bool taskFails = false;    // Tasks: the last poll says "failed" instead of "completed"
        bool holdTasks = false;    // Tasks: every poll says "processing" (progress 50) while this is set
    };
    struct Received {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QJsonObject json;
    };

    explicit FakeUpstream(QObject *parent = nullptr);
    ~FakeUpstream() override;

    bool start();
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const;
    void setBehavior(const Behavior &behavior) { m_behavior = behavior; }

    const QList<Received> &received() const { return m_received; }
    int requestCount() const { return int(m_received.size()); }
    // TCP connections accepted so far (keep-alive reuse shows as fewer connections than requests).
    int connectionCount() const { return m_connections; }
    // Closes every open connection, as a server does when its keep-alive timeout passes.
    void closeIdleConnections();
    // Connections the client side (the gateway) closed while this side was still answering.
    int abortedByPeer() const { return m_abortedByPeer; }
    int chunksSent() const { return m_chunksSent; }
    // Bytes written by this side that the peer has not taken yet (kernel buffers aside).
    qint64 unsentBytes() const;
    // Tasks: the ids of the tasks submitted so far, and how often each was polled.
    QStringList taskIds() const { return m_taskOrder; }
    int pollCount(const QString &taskId) const { return m_taskPolls.value(taskId); }
    // The URL a completed fake task (or a Json image answer) names for image i.
    static QString imageUrl(int i) { return QStringLiteral("https://images.fake.test/img-%1.png").arg(i); }

Q_SIGNALS:
    void requestReceived();
    void peerAborted();

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Received &request);
    void sendStream(QTcpSocket *socket, const Received &request, bool cut);
    void sendEvents(QTcpSocket *socket, const QByteArray &head, const QList<QByteArray> &events, bool cut);
    void sendWhole(QTcpSocket *socket, const FakeAnswer &answer);
    FakeAnswer taskAnswer(const Received &request);

    QTcpServer m_server;
    Behavior m_behavior;
    QList<Received> m_received;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_answering;
    int m_abortedByPeer = 0;
    int m_chunksSent = 0;
    int m_connections = 0;
    QStringList m_taskOrder;
    QHash<QString, int> m_taskPolls;
    QHash<QString, QJsonObject> m_taskRequests;
};
