#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>

// One request to a backend as the relay sees it, whatever carries it: an HTTP call to a provider
// (UpstreamCall) or a CALL to a Co-Link node over its WebSocket (HubCall). Both present the answer as an
// HTTP response: a status, headers, then body bytes in the provider's wire format.
class UpstreamExchange : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamExchange)

public:
    enum class Failure {
        None,
        Connect,     // no answer at all: refused, unreachable, TLS, closed before answering, node gone
        Interrupted, // the answer started and was cut off
        Protocol,    // the backend did not speak its protocol
        CallerTooSlow, // given up because the client could not keep up; the backend is not at fault
    };

    using QObject::QObject;

    virtual void start() = 0;
    // Stops (or resumes) delivering body bytes, so a slow client slows the backend down.
    virtual void setPaused(bool paused) = 0;
    // Gives up on the answer; no further signals.
    virtual void abort() = 0;

    virtual bool isPaused() const = 0;
    virtual int status() const = 0;
    virtual QByteArray header(QByteArrayView name) const = 0;
    virtual Failure failure() const = 0;
    virtual QString errorString() const = 0;
    // True when the backend turned the call away without being at fault (full, or it no longer serves the
    // model): try another, ban nobody.
    virtual bool refusedWithoutFault() const { return false; }

Q_SIGNALS:
    void connected();        // the backend is reachable
    void responseStarted();  // status() and header() are available
    void bodyData(const QByteArray &bytes); // body bytes, in order
    void finished();         // complete, or failed (see failure())
};
