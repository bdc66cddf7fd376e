#include "providers/adapter.h"
#include "providers/providerpresets.h"
#include "providers/registry.h"

#include <QSet>
#include <QTest>
#include <QUrl>

// The presets are what most users will click instead of typing; a typo here is a provider that never works.
class TestProviderPresets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyPresetIsUsable();
    void baseUrlsAreTheProviders_data();
    void baseUrlsAreTheProviders();
    void configuredProvidersAreRecognised_data();
    void configuredProvidersAreRecognised();
};

void TestProviderPresets::everyPresetIsUsable()
{
    const QList<ProviderPreset> &presets = ProviderPresets::all();
    QCOMPARE(presets.size(), 11);
    QSet<QString> ids;
    for (const ProviderPreset &p : presets) {
        QVERIFY2(!ids.contains(p.id), qPrintable(p.id));
        ids.insert(p.id);
        QVERIFY2(ProviderRegistry::adapter(p.type), qPrintable(p.type));
        QVERIFY(!p.label().isEmpty());
        QCOMPARE(ProviderPresets::byId(p.id), &p);
        if (p.isCustom())
            continue;
        const QUrl url(p.baseUrl);
        QVERIFY2(url.isValid() && !url.host().isEmpty(), qPrintable(p.baseUrl));
        QVERIFY2(!p.baseUrl.endsWith(QLatin1Char('/')), qPrintable(p.baseUrl)); // adapters append "/models"
        // Keys travel only over TLS; plain http is for servers on this machine.
        QCOMPARE(url.scheme(), p.needsKey ? QStringLiteral("https") : QStringLiteral("http"));
        if (!p.helpUrl.isEmpty())
            QCOMPARE(QUrl(p.helpUrl).scheme(), QStringLiteral("https"));
    }
    QCOMPARE(presets.last().id, QStringLiteral("custom"));
    QCOMPARE(&ProviderPresets::custom(), &presets.last());
    QVERIFY(ProviderPresets::custom().baseUrl.isEmpty());
    QCOMPARE(ProviderPresets::custom().type, QStringLiteral("openai"));
    QCOMPARE(ProviderPresets::byId(QStringLiteral("nope")), nullptr);
}

void TestProviderPresets::baseUrlsAreTheProviders_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<bool>("needsKey");
    QTest::newRow("openai") << "openai"
                            << "openai"
                            << "https://api.openai.com/v1" << true;
    QTest::newRow("anthropic") << "anthropic"
                               << "claude"
                               << "https://api.anthropic.com/v1" << true;
    QTest::newRow("gemini") << "gemini"
                            << "gemini"
                            << "https://generativelanguage.googleapis.com/v1beta" << true;
    QTest::newRow("deepseek") << "deepseek"
                              << "openai"
                              << "https://api.deepseek.com/v1" << true;
    QTest::newRow("qwen") << "qwen"
                          << "openai"
                          << "https://dashscope.aliyuncs.com/compatible-mode/v1" << true;
    QTest::newRow("moonshot") << "moonshot"
                              << "openai"
                              << "https://api.moonshot.cn/v1" << true;
    QTest::newRow("zhipu") << "zhipu"
                           << "openai"
                           << "https://open.bigmodel.cn/api/paas/v4" << true;
    QTest::newRow("openrouter") << "openrouter"
                                << "openai"
                                << "https://openrouter.ai/api/v1" << true;
    QTest::newRow("ollama") << "ollama"
                            << "openai"
                            << "http://127.0.0.1:11434/v1" << false;
    QTest::newRow("lmstudio") << "lmstudio"
                              << "openai"
                              << "http://127.0.0.1:1234/v1" << false;
    QTest::newRow("custom") << "custom"
                            << "openai"
                            << "" << false;
}

void TestProviderPresets::baseUrlsAreTheProviders()
{
    QFETCH(QString, id);
    QFETCH(QString, type);
    QFETCH(QString, baseUrl);
    QFETCH(bool, needsKey);
    const ProviderPreset *p = ProviderPresets::byId(id);
    QVERIFY(p);
    QCOMPARE(p->type, type);
    QCOMPARE(p->baseUrl, baseUrl);
    QCOMPARE(p->needsKey, needsKey);
    // Where the adapter has a default, the preset is that default: the adapter's paths are built on it.
    if (type != QLatin1String("openai"))
        QCOMPARE(p->baseUrl, ProviderRegistry::adapter(type)->defaultBaseUrl());
}

void TestProviderPresets::configuredProvidersAreRecognised_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("preset"); // empty: none
    QTest::newRow("exact") << "openai"
                           << "https://api.deepseek.com/v1"
                           << "deepseek";
    QTest::newRow("trailing slash and host case") << "openai"
                                                  << "https://API.DeepSeek.com/v1/"
                                                  << "deepseek";
    QTest::newRow("empty url is the adapter's default") << "openai"
                                                        << ""
                                                        << "openai";
    QTest::newRow("alias type") << "anthropic"
                                << "https://api.anthropic.com/v1"
                                << "anthropic";
    QTest::newRow("claude default") << "claude"
                                    << ""
                                    << "anthropic";
    QTest::newRow("ollama") << "openai"
                            << "http://127.0.0.1:11434/v1"
                            << "ollama";
    QTest::newRow("other host") << "openai"
                                << "https://llm.example.com/v1"
                                << "";
    QTest::newRow("right url, wrong adapter") << "claude"
                                              << "https://api.deepseek.com/v1"
                                              << "";
    QTest::newRow("unknown type") << "cohere"
                                  << "https://api.openai.com/v1"
                                  << "";
}

void TestProviderPresets::configuredProvidersAreRecognised()
{
    QFETCH(QString, type);
    QFETCH(QString, baseUrl);
    QFETCH(QString, preset);
    const ProviderPreset *p = ProviderPresets::matching(type, baseUrl);
    QCOMPARE(p ? p->id : QString(), preset);
}

QTEST_GUILESS_MAIN(TestProviderPresets)
#include "tst_providerpresets.moc"
