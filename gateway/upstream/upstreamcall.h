#pragma once

#include "providers/adapter.h"
#include "upstream/httpresponseparser.h"
#include "upstream/upstreamexchange.h"
#include "upstream/upstreampool.h"

#include <QPointer>

class QTcpSocket;

// One HTTP/1.1 request to an upstream on the gateway's own event loop, on a pooled keep-alive connection.
// Unlike QNetworkReply it stops reading from the socket while paused, so a slow client slows the upstream
// through TCP instead of filling our memory. Timeouts belong to the caller.
class UpstreamCall final : public UpstreamExchange
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamCall)

public:
    UpstreamCall(UpstreamPool *pool, QByteArray method, UpstreamRequest request, QObject *parent = nullptr);
    ~UpstreamCall() override;

    void start() override;
    // Stops (or resumes) taking bytes from the upstream; the kernel's buffers then push back on it.
    void setPaused(bool paused) override;
    // Drops the connection; no further signals.
    void abort() override;

    bool isRunning() const { return m_running; }
    bool isPaused() const override { return m_running && m_paused; }
    int status() const override { return m_parser.status(); }
    QByteArray header(QByteArrayView name) const override { return m_parser.header(name); }
    Failure failure() const override { return m_failure; }
    QString errorString() const override { return m_error; }

    // Bytes of socket read buffer; beyond it the socket stops reading from the kernel.
    static constexpr qint64 readBufferBytes = 64 * 1024;

private:
    void connectSocket();
    void attach(QTcpSocket *socket);
    void sendRequest();
    void onReadable();
    void onSocketClosed();
    void onSocketError();
    bool retryIfStale();
    void fail(Failure failure, const QString &why);
    void finishOk();
    void releaseSocket(bool reusable);
    QByteArray requestBytes() const;

    UpstreamPool *m_pool;
    QByteArray m_method;
    UpstreamRequest m_request;
    UpstreamRoute m_route;
    QPointer<QTcpSocket> m_socket;
    HttpResponseParser m_parser;
    QByteArray m_in;
    QString m_error;
    Failure m_failure = Failure::None;
    bool m_running = false;
    bool m_paused = false;
    bool m_socketClosed = false;
    bool m_reusedSocket = false;
    bool m_retriedStale = false;
};
