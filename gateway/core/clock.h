#pragma once

#include <QtGlobal>

// Time source for bans and uptime, injectable so tests can move time without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds on a monotonic scale; only differences are meaningful.
    virtual qint64 nowMs() const = 0;
};

class SteadyClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

class ManualClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void advanceMs(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 1'000'000;
};
