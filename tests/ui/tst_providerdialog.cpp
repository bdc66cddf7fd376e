#include "fakeupstream.h"
#include "modelmappingeditor.h"
#include "providerdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

// The "Add provider" / "Edit provider" dialog as a user drives it: presets, "Test connection" against a fake
// provider on loopback, messages next to the field at fault, and what the caller gets back.
class TestProviderDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetsFillTheFields();
    void typingAKnownAddressShowsItsPreset();
    void testConnectionFillsTheModels();
    void refusedKeyIsShownUnderTheKey();
    void deadPortIsShownUnderTheUrl();
    void hangingProviderTimesOutUnderTheUrl();
    void unusableUrlIsCaughtWithoutACall();
    void closingWhileTestingStopsTheTest();
    void changingTheAddressStopsTheTest();
    void okIsRefusedUntilEveryFieldIsRight();
    void keyIsRequiredWhenThePresetNeedsOne();
    void providerIsWhatWasEntered();
    void editingKeepsWhatTheDialogDoesNotShow();
    void editingWithATypedKeyMovesItToTheKeychain();
    void editingTestsWithTheStoredKey();
    void ollamasLatestTagNamesTheSameModel();
    void showHideTheKey();
};

namespace {

template<typename T> T *child(const QWidget *dialog, const char *name)
{
    T *widget = dialog->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

void choosePreset(const ProviderDialog &d, const char *id)
{
    auto *combo = child<QComboBox>(&d, "presetCombo");
    const int index = combo->findData(QLatin1String(id));
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

// As a user types: replaces the text and fires textEdited.
void type(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

QString text(const ProviderDialog &d, const char *name)
{
    if (auto *label = d.findChild<QLabel *>(QLatin1String(name)))
        return label->isVisibleTo(&d) ? label->text() : QString();
    return child<QLineEdit>(&d, name)->text();
}

// Each row as "provider's name > name for clients", with [x] when ticked.
QStringList rows(const ProviderDialog &d)
{
    auto *table = child<QTableWidget>(&d, "modelsTable");
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QTableWidgetItem *local = table->item(r, ModelMappingEditor::LocalColumn);
        out << (local->checkState() == Qt::Checked ? QStringLiteral("[x] ") : QStringLiteral("[ ] "))
                + local->text() + QStringLiteral(" > ")
                + table->item(r, ModelMappingEditor::PublicColumn)->text();
    }
    return out;
}

QTableWidgetItem *modelItem(const ProviderDialog &d, const QString &local)
{
    auto *table = child<QTableWidget>(&d, "modelsTable");
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, ModelMappingEditor::LocalColumn)->text() == local)
            return table->item(r, ModelMappingEditor::LocalColumn);
    }
    return nullptr;
}

QString mappings(const ProviderConfig &p)
{
    QStringList out;
    for (const ModelMapping &m : p.models)
        out << m.localName + QStringLiteral(" > ") + m.publicName;
    return out.join(QStringLiteral(", "));
}

void clickOk(const ProviderDialog &d)
{
    child<QDialogButtonBox>(&d, "buttonBox")->button(QDialogButtonBox::Ok)->click();
}

bool waitForTest(ProviderDialog &d, int timeoutMs = 10'000)
{
    QSignalSpy finished(&d, &ProviderDialog::testFinished);
    return finished.count() > 0 || finished.wait(timeoutMs);
}

FakeUpstream::Behavior speaking(const QStringList &models, int delayMs = 0)
{
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Speak;
    b.dialect = Dialect::OpenAi;
    b.models = models;
    b.headersDelayMs = delayMs;
    return b;
}

quint16 deadPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

void TestProviderDialog::presetsFillTheFields()
{
    ProviderDialog d({ QStringLiteral("DeepSeek") });
    d.show();
    QCOMPARE(d.windowTitle(), QStringLiteral("Add provider"));
    auto *typeCombo = child<QComboBox>(&d, "typeCombo");
    auto *key = child<QLineEdit>(&d, "apiKeyEdit");

    // The first preset is there from the start.
    QCOMPARE(child<QComboBox>(&d, "presetCombo")->currentData().toString(), QStringLiteral("openai"));
    QCOMPARE(text(d, "nameEdit"), QStringLiteral("openai"));
    QCOMPARE(typeCombo->currentData().toString(), QStringLiteral("openai"));
    QCOMPARE(text(d, "baseUrlEdit"), QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(rows(d),
        (QStringList {
            "[x] gpt-4o > gpt-4o", "[x] gpt-4o-mini > gpt-4o-mini", "[x] gpt-4.1-mini > gpt-4.1-mini" }));
    QCOMPARE(key->placeholderText(), QStringLiteral("Paste your API key here"));
    QCOMPARE(text(d, "keyHint"),
        QStringLiteral(
            "Get a key at <a href=\"https://platform.openai.com/api-keys\">platform.openai.com</a>."));

    // "deepseek" is taken (letter case aside), so the suggestion moves on.
    choosePreset(d, "deepseek");
    QCOMPARE(text(d, "nameEdit"), QStringLiteral("deepseek-2"));
    QCOMPARE(typeCombo->currentData().toString(), QStringLiteral("openai"));
    QCOMPARE(text(d, "baseUrlEdit"), QStringLiteral("https://api.deepseek.com/v1"));
    QCOMPARE(rows(d),
        (QStringList { "[x] deepseek-chat > deepseek-chat", "[x] deepseek-reasoner > deepseek-reasoner" }));

    choosePreset(d, "anthropic");
    QCOMPARE(text(d, "nameEdit"), QStringLiteral("anthropic"));
    QCOMPARE(typeCombo->currentData().toString(), QStringLiteral("claude"));
    QCOMPARE(text(d, "baseUrlEdit"), QStringLiteral("https://api.anthropic.com/v1"));

    choosePreset(d, "gemini");
    QCOMPARE(typeCombo->currentData().toString(), QStringLiteral("gemini"));
    QCOMPARE(text(d, "baseUrlEdit"), QStringLiteral("https://generativelanguage.googleapis.com/v1beta"));
    QVERIFY(text(d, "keyHint").contains(QStringLiteral("href=\"https://aistudio.google.com/app/apikey\"")));

    choosePreset(d, "ollama");
    QCOMPARE(text(d, "nameEdit"), QStringLiteral("ollama"));
    QCOMPARE(text(d, "baseUrlEdit"), QStringLiteral("http://127.0.0.1:11434/v1"));
    QCOMPARE(key->placeholderText(), QStringLiteral("Not needed; leave empty"));
    QCOMPARE(text(d, "keyHint"),
        QStringLiteral("No key needed: this server runs on your own computer. Get it at "
                       "<a href=\"https://ollama.com/download\">ollama.com</a>."));
    QCOMPARE(rows(d), (QStringList { "[x] llama3.2 > llama3.2", "[x] qwen2.5 > qwen2.5" }));

    // A name the user typed is theirs; a row the user added survives a change of preset.
    type(child<QLineEdit>(&d, "nameEdit"), QStringLiteral("my-box"));
    child<QPushButton>(&d, "addModelButton")->click();
    child<QTableWidget>(&d, "modelsTable")
        ->item(2, ModelMappingEditor::LocalColumn)
        ->setText(QStringLiteral("mine"));
    choosePreset(d, "lmstudio");
    QCOMPARE(text(d, "nameEdit"), QStringLiteral("my-box"));
    QCOMPARE(text(d, "baseUrlEdit"), QStringLiteral("http://127.0.0.1:1234/v1"));
    QCOMPARE(rows(d), (QStringList { "[x] mine > mine" }));

    // Custom clears the address the previous preset put there.
    choosePreset(d, "custom");
    QCOMPARE(text(d, "baseUrlEdit"), QString());
    QCOMPARE(typeCombo->currentData().toString(), QStringLiteral("openai"));
    QCOMPARE(key->placeholderText(), QStringLiteral("Only if the server asks for one"));
    QCOMPARE(text(d, "keyHint"), QStringLiteral("Leave the key empty if the server does not ask for one."));
}

void TestProviderDialog::typingAKnownAddressShowsItsPreset()
{
    ProviderDialog d({});
    d.show();
    auto *preset = child<QComboBox>(&d, "presetCombo");
    type(child<QLineEdit>(&d, "baseUrlEdit"), QStringLiteral("https://api.moonshot.cn/v1/"));
    QCOMPARE(preset->currentData().toString(), QStringLiteral("moonshot"));
    QVERIFY(text(d, "keyHint").contains(QStringLiteral("platform.moonshot.cn")));
    // Only the combo follows: the name and the models stay as they were.
    QCOMPARE(text(d, "nameEdit"), QStringLiteral("openai"));
    QCOMPARE(rows(d).size(), 3);
    type(child<QLineEdit>(&d, "baseUrlEdit"), QStringLiteral("https://llm.example.com/v1"));
    QCOMPARE(preset->currentData().toString(), QStringLiteral("custom"));
}

void TestProviderDialog::testConnectionFillsTheModels()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    // A pause before the answer, so the busy state can be seen.
    fake.setBehavior(speaking(
        { QStringLiteral("fake-large"), QStringLiteral("gpt-4o"), QStringLiteral("fake-small") }, 300));

    ProviderDialog d({});
    d.show();
    type(child<QLineEdit>(&d, "baseUrlEdit"), fake.baseUrl());
    type(child<QLineEdit>(&d, "apiKeyEdit"), QStringLiteral("sk-good"));
    auto *button = child<QPushButton>(&d, "testButton");
    auto *progress = child<QProgressBar>(&d, "testProgress");
    QVERIFY(!progress->isVisible());

    QSignalSpy finished(&d, &ProviderDialog::testFinished);
    button->click();
    QVERIFY(d.isTesting());
    QVERIFY(progress->isVisible());
    QVERIFY(!button->isEnabled());
    QCOMPARE(text(d, "testStatus"), QStringLiteral("Connecting to 127.0.0.1:%1…").arg(fake.port()));

    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!d.isTesting());
    QVERIFY(!progress->isVisible());
    QVERIFY(button->isEnabled());
    QCOMPARE(text(d, "testStatus"),
        QStringLiteral("Connected. The provider lists 3 model(s); tick the ones to offer."));
    QCOMPARE(text(d, "baseUrlError"), QString());
    QCOMPARE(text(d, "apiKeyError"), QString());

    // The OpenAI preset's suggestions stay as they were; what the provider lists comes in unticked, and the
    // suggestions it does not list are marked.
    QCOMPARE(rows(d),
        (QStringList { "[x] gpt-4o > gpt-4o", "[x] gpt-4o-mini > gpt-4o-mini",
            "[x] gpt-4.1-mini > gpt-4.1-mini", "[ ] fake-large > fake-large",
            "[ ] fake-small > fake-small" }));
    QCOMPARE(modelItem(d, QStringLiteral("gpt-4o"))->toolTip(), QString());
    QVERIFY(!modelItem(d, QStringLiteral("gpt-4o"))->font().italic());
    QCOMPARE(modelItem(d, QStringLiteral("gpt-4o-mini"))->toolTip(),
        QStringLiteral("The provider did not list this name. It may be an alias that still works; if not, "
                       "untick it."));
    QVERIFY(modelItem(d, QStringLiteral("gpt-4o-mini"))->font().italic());

    QCOMPARE(fake.requestCount(), 1);
    QCOMPARE(fake.received().first().method, QByteArray("GET"));
    QCOMPARE(fake.received().first().path, QByteArray("/v1/models"));
    QCOMPARE(fake.received().first().headers.value("authorization"), QByteArray("Bearer sk-good"));

    // The user offers what the provider has.
    modelItem(d, QStringLiteral("gpt-4o-mini"))->setCheckState(Qt::Unchecked);
    modelItem(d, QStringLiteral("gpt-4.1-mini"))->setCheckState(Qt::Unchecked);
    modelItem(d, QStringLiteral("fake-small"))->setCheckState(Qt::Checked);
    QCOMPARE(mappings(d.provider()), QStringLiteral("gpt-4o > gpt-4o, fake-small > fake-small"));
}

void TestProviderDialog::refusedKeyIsShownUnderTheKey()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Status;
    b.status = 401;
    b.body = "Incorrect API key provided.";
    fake.setBehavior(b);

    ProviderDialog d({});
    d.show();
    choosePreset(d, "custom");
    type(child<QLineEdit>(&d, "baseUrlEdit"), fake.baseUrl());
    type(child<QLineEdit>(&d, "apiKeyEdit"), QStringLiteral("sk-wrong"));
    child<QPushButton>(&d, "testButton")->click();
    QVERIFY(waitForTest(d));

    QCOMPARE(text(d, "apiKeyError"),
        QStringLiteral(
            "The provider refused the API key (HTTP 401). It said: “Incorrect API key provided.”"));
    QCOMPARE(text(d, "baseUrlError"), QString());
    QCOMPARE(text(d, "testStatus"),
        QStringLiteral("The connection test failed: see the message under the API key."));
    QVERIFY(!child<QProgressBar>(&d, "testProgress")->isVisible());
    QCOMPARE(rows(d), QStringList());

    // Typing a new key takes the message away.
    type(child<QLineEdit>(&d, "apiKeyEdit"), QStringLiteral("sk-other"));
    QCOMPARE(text(d, "apiKeyError"), QString());
}

void TestProviderDialog::deadPortIsShownUnderTheUrl()
{
    const quint16 port = deadPort();
    ProviderDialog d({});
    d.show();
    choosePreset(d, "ollama");
    type(child<QLineEdit>(&d, "baseUrlEdit"), QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    child<QPushButton>(&d, "testButton")->click();
    QVERIFY(waitForTest(d));

    QCOMPARE(text(d, "baseUrlError"),
        QStringLiteral("Nothing answers at 127.0.0.1:%1: the connection was refused. "
                       "Check the port, and that the server is running.")
            .arg(port));
    QCOMPARE(text(d, "apiKeyError"), QString());
    QCOMPARE(text(d, "testStatus"),
        QStringLiteral("The connection test failed: see the message under the base URL."));
}

void TestProviderDialog::hangingProviderTimesOutUnderTheUrl()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Hang;
    fake.setBehavior(b);
    ProviderDialog d({});
    d.setTestTimeout(300);
    d.show();
    type(child<QLineEdit>(&d, "baseUrlEdit"), fake.baseUrl());
    child<QPushButton>(&d, "testButton")->click();
    QVERIFY(waitForTest(d, 5'000));
    QCOMPARE(text(d, "baseUrlError"),
        QStringLiteral("127.0.0.1:%1 did not answer within 1 second(s). Check the "
                       "address, and that this computer can reach it.")
            .arg(fake.port()));
    QVERIFY(child<QPushButton>(&d, "testButton")->isEnabled());
}

void TestProviderDialog::unusableUrlIsCaughtWithoutACall()
{
    ProviderDialog d({});
    d.show();
    type(child<QLineEdit>(&d, "baseUrlEdit"), QStringLiteral("api.example.com/v1"));
    child<QPushButton>(&d, "testButton")->click();
    QVERIFY(!d.isTesting());
    QVERIFY(!child<QProgressBar>(&d, "testProgress")->isVisible());
    QCOMPARE(text(d, "baseUrlError"),
        QStringLiteral("This is not a web address. It should start with https:// (or http:// for a server on "
                       "your own network) and name a host, like https://api.example.com/v1."));
}

void TestProviderDialog::closingWhileTestingStopsTheTest()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Hang;
    fake.setBehavior(b);
    ProviderDialog d({});
    d.show();
    type(child<QLineEdit>(&d, "baseUrlEdit"), fake.baseUrl());
    QSignalSpy finished(&d, &ProviderDialog::testFinished);
    child<QPushButton>(&d, "testButton")->click();
    QTRY_COMPARE(fake.requestCount(), 1);
    QVERIFY(d.isTesting());

    d.reject();
    QVERIFY(!d.isVisible());
    QVERIFY(!d.isTesting());
    QTRY_COMPARE(fake.abortedByPeer(), 1);
    QVERIFY(!child<QProgressBar>(&d, "testProgress")->isVisibleTo(&d));
    QVERIFY(child<QPushButton>(&d, "testButton")->isEnabled());
    QTest::qWait(50);
    QCOMPARE(finished.count(), 0);
}

void TestProviderDialog::changingTheAddressStopsTheTest()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeUpstream::Behavior b;
    b.mode = FakeUpstream::Mode::Hang;
    fake.setBehavior(b);
    ProviderDialog d({});
    d.show();
    type(child<QLineEdit>(&d, "baseUrlEdit"), fake.baseUrl());
    QSignalSpy finished(&d, &ProviderDialog::testFinished);
    child<QPushButton>(&d, "testButton")->click();
    QTRY_COMPARE(fake.requestCount(), 1);
    QTest::keyClick(child<QLineEdit>(&d, "baseUrlEdit"), Qt::Key_Backspace);
    QVERIFY(!d.isTesting());
    QVERIFY(!child<QProgressBar>(&d, "testProgress")->isVisible());
    QCOMPARE(text(d, "testStatus"), QString());
    QTRY_COMPARE(fake.abortedByPeer(), 1);
    QCOMPARE(finished.count(), 0);
    QVERIFY(d.isVisible());
}

void TestProviderDialog::okIsRefusedUntilEveryFieldIsRight()
{
    ProviderDialog d({ QStringLiteral("Work"), QStringLiteral("DeepSeek") });
    d.show();
    choosePreset(d, "custom");
    type(child<QLineEdit>(&d, "nameEdit"), QStringLiteral("deepseek"));
    type(child<QLineEdit>(&d, "baseUrlEdit"), QStringLiteral("localhost:8080/v1"));
    clickOk(d);

    QVERIFY(d.isVisible());
    QCOMPARE(d.result(), int(QDialog::Rejected));
    QCOMPARE(text(d, "nameError"),
        QStringLiteral("Another provider is already called “deepseek”. Choose another name."));
    QVERIFY(text(d, "baseUrlError").startsWith(QStringLiteral("This is not a web address.")));
    QCOMPARE(text(d, "modelsError"),
        QStringLiteral("Tick at least one model to offer, or add one with “Add model”."));
    QCOMPARE(text(d, "apiKeyError"), QString()); // a custom server may need no key

    // Each message goes as its field is put right.
    type(child<QLineEdit>(&d, "nameEdit"), QStringLiteral("box"));
    QCOMPARE(text(d, "nameError"), QString());
    type(child<QLineEdit>(&d, "nameEdit"), QString());
    QCOMPARE(text(d, "nameError"), QStringLiteral("Give the provider a name."));
    type(child<QLineEdit>(&d, "nameEdit"), QStringLiteral("box"));
    type(child<QLineEdit>(&d, "baseUrlEdit"), QStringLiteral("http://localhost:8080/v1"));
    QCOMPARE(text(d, "baseUrlError"), QString());
    QVERIFY(!text(d, "modelsError").isEmpty());

    // Two rows offered under one name for clients cannot be told apart.
    auto *table = child<QTableWidget>(&d, "modelsTable");
    child<QPushButton>(&d, "addModelButton")->click();
    table->item(0, ModelMappingEditor::LocalColumn)->setText(QStringLiteral("qwen3:8b"));
    child<QPushButton>(&d, "addModelButton")->click();
    table->item(1, ModelMappingEditor::LocalColumn)->setText(QStringLiteral("qwen3:14b"));
    table->item(1, ModelMappingEditor::PublicColumn)->setText(QStringLiteral("qwen3:8b"));
    QCOMPARE(text(d, "modelsError"),
        QStringLiteral("Clients could not tell two models apart: “qwen3:8b” is used "
                       "twice as a public name."));
    clickOk(d);
    QVERIFY(d.isVisible());

    table->item(1, ModelMappingEditor::PublicColumn)->setText(QStringLiteral("qwen3"));
    QCOMPARE(text(d, "modelsError"), QString());
    clickOk(d);
    QVERIFY(!d.isVisible());
    QCOMPARE(d.result(), int(QDialog::Accepted));
    const ProviderConfig p = d.provider();
    QCOMPARE(p.name, QStringLiteral("box"));
    QCOMPARE(p.type, QStringLiteral("openai"));
    QCOMPARE(p.baseUrl, QStringLiteral("http://localhost:8080/v1"));
    QCOMPARE(p.keySource, KeySource::None);
    QCOMPARE(mappings(p), QStringLiteral("qwen3:8b > qwen3:8b, qwen3:14b > qwen3"));
}

void TestProviderDialog::keyIsRequiredWhenThePresetNeedsOne()
{
    ProviderDialog d({});
    d.show();
    clickOk(d);
    QVERIFY(d.isVisible());
    QCOMPARE(text(d, "apiKeyError"), QStringLiteral("Enter the API key from your OpenAI account."));
    QCOMPARE(text(d, "nameError"), QString());
    QCOMPARE(text(d, "baseUrlError"), QString());
    QCOMPARE(text(d, "modelsError"), QString());
    type(child<QLineEdit>(&d, "apiKeyEdit"), QStringLiteral("sk-x"));
    QCOMPARE(text(d, "apiKeyError"), QString());
    clickOk(d);
    QCOMPARE(d.result(), int(QDialog::Accepted));
}

void TestProviderDialog::providerIsWhatWasEntered()
{
    ProviderDialog d({});
    d.show();
    choosePreset(d, "deepseek");
    type(child<QLineEdit>(&d, "apiKeyEdit"), QStringLiteral("  sk-deep-123  "));
    type(child<QLineEdit>(&d, "baseUrlEdit"), QStringLiteral("https://api.deepseek.com/v1/"));
    child<QTableWidget>(&d, "modelsTable")
        ->item(1, ModelMappingEditor::PublicColumn)
        ->setText(QStringLiteral("r1"));
    clickOk(d);
    QCOMPARE(d.result(), int(QDialog::Accepted));

    const ProviderConfig p = d.provider();
    QCOMPARE(p.name, QStringLiteral("deepseek"));
    QCOMPARE(p.type, QStringLiteral("openai"));
    QCOMPARE(p.baseUrl, QStringLiteral("https://api.deepseek.com/v1")); // no trailing slash to double
    QCOMPARE(p.keySource, KeySource::Keychain);
    QCOMPARE(p.keyLiteral, QString());
    QCOMPARE(mappings(p), QStringLiteral("deepseek-chat > deepseek-chat, deepseek-reasoner > r1"));
    QCOMPARE(p.keychainKey(), QStringLiteral("provider:deepseek:api_key"));
    QVERIFY(d.keyEdited());
    QCOMPARE(d.apiKey(), QStringLiteral("sk-deep-123"));
    QVERIFY(!d.isEditing());
    // Defaults the dialog does not show.
    QCOMPARE(p.weight, 1);
    QVERIFY(p.enabled);

    ProviderDialog local({});
    choosePreset(local, "ollama");
    QCOMPARE(local.provider().keySource, KeySource::None);
    QVERIFY(!local.keyEdited());
    QCOMPARE(local.apiKey(), QString());
}

void TestProviderDialog::editingKeepsWhatTheDialogDoesNotShow()
{
    ProviderConfig existing;
    existing.name = QStringLiteral("work");
    existing.type = QStringLiteral("anthropic"); // the alias
    existing.keySource = KeySource::Environment;
    existing.keyLiteral = QStringLiteral("ANTHROPIC_KEY");
    existing.weight = 3;
    existing.priority = 2;
    existing.maxParallel = 4;
    existing.streaming = false;
    existing.models = { ModelMapping { QStringLiteral("sonnet"), QStringLiteral("claude-sonnet-4-0") } };

    ProviderDialog d(existing, { QStringLiteral("work"), QStringLiteral("home") });
    d.show();
    QVERIFY(d.isEditing());
    QCOMPARE(d.windowTitle(), QStringLiteral("Edit provider “work”"));
    QCOMPARE(text(d, "nameEdit"), QStringLiteral("work"));
    QCOMPARE(child<QComboBox>(&d, "typeCombo")->currentData().toString(), QStringLiteral("claude"));
    QCOMPARE(child<QComboBox>(&d, "presetCombo")->currentData().toString(), QStringLiteral("anthropic"));
    QCOMPARE(text(d, "baseUrlEdit"), QStringLiteral("https://api.anthropic.com/v1"));
    QCOMPARE(child<QLineEdit>(&d, "apiKeyEdit")->placeholderText(),
        QStringLiteral("Leave empty to keep reading it from ANTHROPIC_KEY"));
    QCOMPARE(rows(d), QStringList { "[x] claude-sonnet-4-0 > sonnet" });

    // Its own name is not "taken"; another provider's is.
    type(child<QLineEdit>(&d, "nameEdit"), QStringLiteral("HOME"));
    clickOk(d);
    QVERIFY(d.isVisible());
    QCOMPARE(text(d, "nameError"),
        QStringLiteral("Another provider is already called “HOME”. Choose another name."));
    type(child<QLineEdit>(&d, "nameEdit"), QStringLiteral("Work"));
    clickOk(d);
    QCOMPARE(d.result(), int(QDialog::Accepted));

    const ProviderConfig p = d.provider();
    QCOMPARE(p.name, QStringLiteral("Work"));
    QCOMPARE(p.type, QStringLiteral("anthropic"));
    QCOMPARE(p.baseUrl, QString()); // it used the adapter's default and still does
    QCOMPARE(p.keySource, KeySource::Environment);
    QCOMPARE(p.keyLiteral, QStringLiteral("ANTHROPIC_KEY"));
    QCOMPARE(p.weight, 3);
    QCOMPARE(p.priority, 2);
    QCOMPARE(p.maxParallel, 4);
    QCOMPARE(p.streaming, false);
    QCOMPARE(mappings(p), QStringLiteral("claude-sonnet-4-0 > sonnet"));
    QVERIFY(!d.keyEdited());
}

void TestProviderDialog::editingWithATypedKeyMovesItToTheKeychain()
{
    ProviderConfig existing;
    existing.name = QStringLiteral("cfg");
    existing.type = QStringLiteral("openai");
    existing.baseUrl = QStringLiteral("https://llm.example.com/v1");
    existing.keySource = KeySource::Literal;
    existing.keyLiteral = QStringLiteral("sk-in-yaml");
    existing.models = { ModelMapping { QStringLiteral("m"), QStringLiteral("m") } };

    ProviderDialog d(existing, {});
    QCOMPARE(child<QComboBox>(&d, "presetCombo")->currentData().toString(), QStringLiteral("custom"));
    QCOMPARE(child<QLineEdit>(&d, "apiKeyEdit")->placeholderText(),
        QStringLiteral("Leave empty to keep the key written in the configuration file"));
    QCOMPARE(d.provider().keySource, KeySource::Literal);
    QCOMPARE(d.provider().keyLiteral, QStringLiteral("sk-in-yaml"));

    type(child<QLineEdit>(&d, "apiKeyEdit"), QStringLiteral("sk-new"));
    QCOMPARE(d.provider().keySource, KeySource::Keychain);
    QCOMPARE(d.provider().keyLiteral, QString()); // literal keys are never written back
    QCOMPARE(d.provider().baseUrl, QStringLiteral("https://llm.example.com/v1"));
    QCOMPARE(d.apiKey(), QStringLiteral("sk-new"));

    existing.keySource = KeySource::Keychain;
    existing.keyLiteral.clear();
    ProviderDialog stored(existing, {});
    QCOMPARE(child<QLineEdit>(&stored, "apiKeyEdit")->placeholderText(),
        QStringLiteral("Leave empty to keep the stored key"));
    QCOMPARE(stored.provider().keySource, KeySource::Keychain);
}

void TestProviderDialog::editingTestsWithTheStoredKey()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior(speaking({ QStringLiteral("m1") }));
    ProviderConfig existing;
    existing.name = QStringLiteral("p");
    existing.type = QStringLiteral("openai");
    existing.baseUrl = fake.baseUrl();
    existing.models = { ModelMapping { QStringLiteral("m1"), QStringLiteral("m1") } };
    ProviderDialog d(existing, {});
    d.setStoredApiKey(QStringLiteral("sk-stored"));
    d.show();
    child<QPushButton>(&d, "testButton")->click();
    QVERIFY(waitForTest(d));
    QCOMPARE(fake.received().first().headers.value("authorization"), QByteArray("Bearer sk-stored"));
    QCOMPARE(rows(d), QStringList { "[x] m1 > m1" }); // already there: not added twice
    QCOMPARE(text(d, "testStatus"),
        QStringLiteral("Connected. The provider lists 1 model(s); tick the ones to offer."));
}

void TestProviderDialog::ollamasLatestTagNamesTheSameModel()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setBehavior(speaking({ QStringLiteral("llama3.2:latest"), QStringLiteral("qwen3:8b") }));
    ProviderDialog d({});
    d.show();
    choosePreset(d, "ollama");
    type(child<QLineEdit>(&d, "baseUrlEdit"), fake.baseUrl());
    child<QPushButton>(&d, "testButton")->click();
    QVERIFY(waitForTest(d));
    QCOMPARE(rows(d),
        (QStringList { "[x] llama3.2 > llama3.2", "[x] qwen2.5 > qwen2.5", "[ ] qwen3:8b > qwen3:8b" }));
    QCOMPARE(modelItem(d, QStringLiteral("llama3.2"))->toolTip(), QString());
    QVERIFY(!modelItem(d, QStringLiteral("qwen2.5"))->toolTip().isEmpty());
}

void TestProviderDialog::showHideTheKey()
{
    ProviderDialog d({});
    auto *key = child<QLineEdit>(&d, "apiKeyEdit");
    auto *toggle = child<QToolButton>(&d, "showKeyButton");
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    toggle->click();
    QCOMPARE(key->echoMode(), QLineEdit::Normal);
    QCOMPARE(toggle->text(), QStringLiteral("Hide"));
    toggle->click();
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    QCOMPARE(toggle->text(), QStringLiteral("Show"));
}

QTEST_MAIN(TestProviderDialog)
#include "tst_providerdialog.moc"
