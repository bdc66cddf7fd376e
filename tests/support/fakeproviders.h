#pragma once

#include "config/config.h"
#include "fakeupstream.h"

// One fake provider of each wire format, speaking as the real ones do, and the provider entries that route
// m-openai, m-anthropic and m-gemini to them (local names gpt-local, claude-local, gemini-local).
struct FakeProviders {
    FakeUpstream openAi, anthropic, gemini;
    QList<ProviderConfig> providers;

    bool start(bool geminiStreams = true);
    FakeUpstream &byModel(const QString &model);
};
