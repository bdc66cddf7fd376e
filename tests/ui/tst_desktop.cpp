// The desktop app as a user drives it: Switchyard started as main() starts it (real keychain, real config file,
// real gateway on loopback), then its window, pages and tray menu used through their widgets.

#include "appcontroller.h"
#include "colinkdoubles.h"
#include "config/configeditor.h"
#include "desktop/autostart.h"
#include "fakeupstream.h"
#include "modelmappingeditor.h"
#include "providerdialog.h"
#include "tokendialog.h"
#include "desktop/singleinstance.h"
#include "gateway.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "node/nodeclient.h"
#include "secrets/keychainsecretstore.h"
#include "testhttp.h"
#include "tray/traycontroller.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QTableWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QInputDialog>
#include <QListWidget>
#include <QApplication>
#include <QTreeWidget>
#include <QtTest>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString keychainValue(const QString &key)
{
    KeychainSecretStore keychain;
    SecretStore::Result result;
    bool answered = false;
    keychain.read(key, [&](const SecretStore::Result &r) {
        result = r;
        answered = true;
    });
    TestHttp::waitUntil([&] { return answered; }, 10'000);
    return result.found ? result.value : QString();
}

QAction *menuAction(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

} // namespace

class TestDesktop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startsServingAndShowsWhere();
    void settingsChangeThePort();
    void portInUseIsShownNextToTheAddress();
    void shareToggleStartsNodeMode();
    void nodeTokenLetsAMachineJoinUntilRevoked();
    void addProviderThroughTheDialog();
    void accessTokenWithLimitsThroughTheDialog();
    void modelsPageEditsPriorityAndPublicName();
    void providersPageDisablesAndDeletes();
    void literalKeysOfferToMoveIntoKeychain();
    void trayPausesAndResumes();
    void secondLaunchRaisesTheFirst();
    void startAtLoginWritesAnAutostartEntry();

private:
    bool startApp(const QByteArray &yaml);
    template <typename T>
    T *find(const QString &name) const
    {
        T *w = m_window->findChild<T *>(name);
        if (!w)
            qWarning("no widget named %s", qPrintable(name));
        return w;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<MainWindow> m_window;
    QString m_configPath;
    quint16 m_port = 0;
};

void TestDesktop::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_configPath = m_dir->filePath(QStringLiteral("config.yaml"));
    m_port = freePort();
}

void TestDesktop::cleanup()
{
    m_window.reset();
    m_app.reset();
}

bool TestDesktop::startApp(const QByteArray &yaml)
{
    QFile file(m_configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) < 0)
        return false;
    file.close();
    CommandLine commandLine;
    commandLine.configPath = m_configPath;
    commandLine.dataDir = m_dir->filePath(QStringLiteral("data"));
    m_app = std::make_unique<AppController>();
    QString error;
    if (!m_app->start(commandLine, true, &error)) {
        qWarning("start failed: %s", qPrintable(error));
        return false;
    }
    m_window = std::make_unique<MainWindow>(m_app->gateway(), m_app->editor());
    m_window->setListenProblem(m_app->listenProblem());
    m_window->show();
    return true;
}

void TestDesktop::startsServingAndShowsWhere()
{
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port) + "\n"));
    QVERIFY(m_app->editor()->keychainAvailable());
    auto *serving = find<QLabel>(QStringLiteral("servingLabel"));
    QVERIFY(serving);
    QVERIFY2(serving->text().contains(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port)), qPrintable(serving->text()));
    QVERIFY(find<NoticeBar>(QStringLiteral("keychainNotice"))->isHidden());
    QVERIFY(find<NoticeBar>(QStringLiteral("listenNotice"))->isHidden());
    QCOMPARE(TestHttp::get(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(m_port))).status, 200);
}

void TestDesktop::settingsChangeThePort()
{
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port) + "\n"));
    m_window->showPage(MainWindow::Page::Settings);
    const quint16 newPort = freePort();
    find<QSpinBox>(QStringLiteral("listenPort"))->setValue(newPort);
    find<QSpinBox>(QStringLiteral("banSeconds"))->setValue(300);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("applySettings")), Qt::LeftButton);

    QCOMPARE(m_app->gateway()->port(), newPort);
    QCOMPARE(TestHttp::get(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(newPort))).status, 200);
    QCOMPARE(TestHttp::get(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(m_port)), {}, 2000).status, 0);
    const QByteArray yaml = readFile(m_configPath);
    QVERIFY2(yaml.contains(QByteArray("listen: 127.0.0.1:" + QByteArray::number(newPort))), yaml.constData());
    QVERIFY(yaml.contains("ban_seconds: 300"));
    QVERIFY(find<QLabel>(QStringLiteral("servingLabel"))->text().contains(QString::number(newPort)));
    QVERIFY(find<QLabel>(QStringLiteral("listenError"))->isHidden());
}

void TestDesktop::portInUseIsShownNextToTheAddress()
{
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port) + "\n"));
    const QByteArray before = readFile(m_configPath);
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    m_window->showPage(MainWindow::Page::Settings);
    find<QSpinBox>(QStringLiteral("listenPort"))->setValue(squatter.serverPort());
    QTest::mouseClick(find<QPushButton>(QStringLiteral("applySettings")), Qt::LeftButton);

    auto *error = find<QLabel>(QStringLiteral("listenError"));
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(QString::number(squatter.serverPort())), qPrintable(error->text()));
    QCOMPARE(m_app->gateway()->port(), m_port);
    QCOMPARE(readFile(m_configPath), before);

    // Started on a port in use, the app still opens and says what to do.
    m_window.reset();
    m_app.reset();
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(squatter.serverPort()) + "\n"));
    QVERIFY(!m_app->gateway()->isListening());
    auto *notice = find<NoticeBar>(QStringLiteral("listenNotice"));
    QVERIFY(!notice->isHidden());
    QVERIFY2(notice->text().contains(QString::number(squatter.serverPort())), qPrintable(notice->text()));
    QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Settings);
}

void TestDesktop::shareToggleStartsNodeMode()
{
    FakeColinkServer server;
    QVERIFY(server.start());
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port) + "\n"));
    m_window->showPage(MainWindow::Page::Nodes);
    QCOMPARE(m_app->gateway()->node()->status().state, NodeClient::State::Off);

    find<QLineEdit>(QStringLiteral("serverUrl"))->setText(server.url());
    find<QLineEdit>(QStringLiteral("clientToken"))->setText(QStringLiteral("client-desktop-token-42"));
    find<QCheckBox>(QStringLiteral("shareMachine"))->click();

    QVERIFY(TestHttp::waitUntil([&] { return !server.framesOfType(QStringLiteral("REGISTER")).isEmpty(); }, 10'000));
    QCOMPARE(server.lastTokenHeader(), QByteArray("client-desktop-token-42"));
    QVERIFY(TestHttp::waitUntil(
        [&] { return find<QLabel>(QStringLiteral("nodeState"))->text().startsWith(QStringLiteral("Connected")); }));
    QVERIFY(find<QCheckBox>(QStringLiteral("shareMachine"))->isChecked());
    // The token went to the keychain, the rest to the file.
    QCOMPARE(keychainValue(QStringLiteral("colink:client_token")), QStringLiteral("client-desktop-token-42"));
    const QByteArray yaml = readFile(m_configPath);
    QVERIFY(!yaml.contains("client-desktop-token-42"));
    QVERIFY(yaml.contains(QByteArray("server_url: " + server.url().toUtf8())));

    // Switched off: the node hangs up.
    find<QCheckBox>(QStringLiteral("shareMachine"))->click();
    QVERIFY(TestHttp::waitUntil([&] { return m_app->gateway()->node()->status().state == NodeClient::State::Off; }));
    QVERIFY(readFile(m_configPath).contains("enabled: false"));
}

void TestDesktop::nodeTokenLetsAMachineJoinUntilRevoked()
{
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port) + "\n"));
    m_window->showPage(MainWindow::Page::Nodes);
    // The name is asked in a modal input dialog: answer it once it is up.
    QTimer::singleShot(0, this, [] {
        auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(input);
        input->setTextValue(QStringLiteral("laptop"));
        input->accept();
    });
    QTest::mouseClick(find<QPushButton>(QStringLiteral("generateNodeToken")), Qt::LeftButton);
    QLineEdit *tokenField = nullptr;
    QVERIFY(TestHttp::waitUntil([&] { return (tokenField = m_window->findChild<QLineEdit *>(QStringLiteral("newToken"))); }));
    const QString token = tokenField->text();
    QVERIFY(token.startsWith(QStringLiteral("client-")));
    QCOMPARE(find<QListWidget>(QStringLiteral("nodeTokens"))->item(0)->text(), QStringLiteral("laptop"));
    QVERIFY(!readFile(m_configPath).contains(token.toUtf8()));

    // A Co-Link node joins with it and shows up in the table.
    FakeColinkNode node(QStringLiteral("laptop-node"));
    QVERIFY(node.connectTo(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port), token.toUtf8(), {QStringLiteral("llama3")}, 2));
    auto *table = find<QTreeWidget>(QStringLiteral("hubNodes"));
    QVERIFY(TestHttp::waitUntil([&] { return table->topLevelItemCount() == 1 && table->topLevelItem(0)->text(2) == QStringLiteral("llama3"); }));
    QCOMPARE(table->topLevelItem(0)->text(0), QStringLiteral("laptop")); // the reference node sends no name: its token's

    // Revoked: the node is dropped.
    find<QListWidget>(QStringLiteral("nodeTokens"))->item(0)->setSelected(true);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("revokeNodeToken")), Qt::LeftButton);
    QVERIFY(TestHttp::waitUntil([&] { return !node.isConnected(); }));
    QVERIFY(TestHttp::waitUntil([&] { return table->topLevelItemCount() == 0; }));
    QCOMPARE(find<QListWidget>(QStringLiteral("nodeTokens"))->count(), 0);
}

void TestDesktop::accessTokenWithLimitsThroughTheDialog()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port)
                     + "\nproviders:\n  - name: up\n    type: openai\n    base_url: " + upstream.baseUrl().toUtf8()
                     + "\n    api_key: sk-test-up-0123456789\n    models: [m1, m2]\n"));
    m_window->showPage(MainWindow::Page::Settings);
    const auto chat = [this](const QByteArray &token, const QByteArray &model) {
        return TestHttp::post(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_port)),
                              R"({"model":")" + model + R"(","messages":[{"role":"user","content":"hi"}]})",
                              {{"Authorization", "Bearer " + token}})
            .status;
    };

    QTest::mouseClick(find<QPushButton>(QStringLiteral("generateToken")), Qt::LeftButton);
    auto *dialog = m_window->findChild<TokenDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    dialog->findChild<QLineEdit *>(QStringLiteral("tokenName"))->setText(QStringLiteral("web-app"));
    dialog->findChild<QLineEdit *>(QStringLiteral("tokenModels"))->setText(QStringLiteral("m1"));
    dialog->findChild<QLineEdit *>(QStringLiteral("tokenCidrs"))->setText(QStringLiteral("127.0.0.0/33"));
    dialog->findChild<QSpinBox *>(QStringLiteral("tokenRpm"))->setValue(30);
    dialog->findChild<QSpinBox *>(QStringLiteral("tokenQuotaRequests"))->setValue(100);
    auto *period = dialog->findChild<QComboBox *>(QStringLiteral("tokenQuotaPeriod"));
    period->setCurrentIndex(period->findData(int(QuotaPeriod::Day)));
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    ok->click();
    // A range that is not one is shown in the dialog, which stays open.
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("tokenDialogError"));
    QVERIFY(dialog->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("127.0.0.0/33")), qPrintable(error->text()));
    dialog->findChild<QLineEdit *>(QStringLiteral("tokenCidrs"))->setText(QStringLiteral("127.0.0.0/8, fd00::/8"));
    ok->click();

    QLineEdit *tokenField = nullptr;
    QVERIFY(TestHttp::waitUntil([&] { return (tokenField = m_window->findChild<QLineEdit *>(QStringLiteral("newToken"))); }));
    const QByteArray token = tokenField->text().toUtf8();
    QVERIFY(token.startsWith("sy-"));
    QCOMPARE(m_app->gateway()->storedTokens().size(), 1);
    const TokenRecord stored = m_app->gateway()->storedTokens().first();
    QCOMPARE(stored.models, QStringList{QStringLiteral("m1")});
    QCOMPARE(stored.cidrs, (QStringList{QStringLiteral("127.0.0.0/8"), QStringLiteral("fd00::/8")}));
    QCOMPARE(stored.rpm, 30);
    QCOMPARE(stored.quotaRequests, 100);
    QCOMPARE(stored.quotaPeriod, QuotaPeriod::Day);
    QVERIFY(!stored.expiresMs);

    // The gateway enforces it at once; the list shows its limits and what it used.
    QCOMPARE(chat(token, "m1"), 200);
    QCOMPARE(chat(token, "m2"), 403);
    auto *list = find<QTreeWidget>(QStringLiteral("accessTokens"));
    QVERIFY(TestHttp::waitUntil([&] {
        return list->topLevelItemCount() == 1 && list->topLevelItem(0)->text(4).startsWith(QStringLiteral("1 requests"));
    }, 10'000));
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("web-app"));
    QVERIFY2(list->topLevelItem(0)->text(3).contains(QStringLiteral("30/min")), qPrintable(list->topLevelItem(0)->text(3)));
    QVERIFY(list->topLevelItem(0)->text(3).contains(QStringLiteral("100 requests per day")));

    // Disabled, then revoked, from the list.
    list->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("toggleToken")), Qt::LeftButton);
    QCOMPARE(chat(token, "m1"), 401);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("disabled"));
    list->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("revokeToken")), Qt::LeftButton);
    QVERIFY(m_app->gateway()->storedTokens().isEmpty());
    QCOMPARE(chat(token, "m1"), 200); // no token left: a loopback gateway is open again
}

void TestDesktop::addProviderThroughTheDialog()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    upstream.setBehavior({.mode = FakeUpstream::Mode::Speak, .models = {QStringLiteral("gpt-4o-mini"), QStringLiteral("o3")}});
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port) + "\n"));
    QVERIFY(!find<QLabel>(QStringLiteral("providersEmpty"))->isHidden());

    QTest::mouseClick(find<QPushButton>(QStringLiteral("addProvider")), Qt::LeftButton);
    auto *dialog = m_window->findChild<ProviderDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    auto *preset = dialog->findChild<QComboBox *>(QStringLiteral("presetCombo"));
    preset->setCurrentIndex(preset->findData(QStringLiteral("custom")));
    dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("team-openai"));
    dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))->setText(upstream.baseUrl());
    dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"))->setText(QStringLiteral("sk-typed-in-dialog-9876"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY(TestHttp::waitUntil([&] { return !dialog->isTesting(); }, 10'000));
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("modelsTable"));
    QCOMPARE(table->rowCount(), 2);
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, ModelMappingEditor::LocalColumn)->text() == QStringLiteral("gpt-4o-mini"))
            table->item(r, ModelMappingEditor::LocalColumn)->setCheckState(Qt::Checked);
    }
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();

    auto *list = find<QTreeWidget>(QStringLiteral("providerList"));
    QVERIFY(TestHttp::waitUntil([&] { return list->topLevelItemCount() == 1; }, 10'000));
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("team-openai"));
    QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("gpt-4o-mini"));
    // The key is in the real keychain and nowhere in the file.
    QCOMPARE(keychainValue(QStringLiteral("provider:team-openai:api_key")), QStringLiteral("sk-typed-in-dialog-9876"));
    const QByteArray yaml = readFile(m_configPath);
    QVERIFY(yaml.contains("name: team-openai"));
    QVERIFY(!yaml.contains("sk-typed-in-dialog"));
    // And the gateway serves the new model with that key, at once.
    const auto answer = TestHttp::post(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_port)),
                                       R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})");
    QCOMPARE(answer.status, 200);
    QCOMPARE(upstream.received().last().headers.value("authorization"), QByteArray("Bearer sk-typed-in-dialog-9876"));
}

void TestDesktop::modelsPageEditsPriorityAndPublicName()
{
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port)
                     + "\nproviders:\n"
                       "  - {name: alpha, type: openai, base_url: 'http://127.0.0.1:9/v1', models: [{local: a-1, server_mapping: shared}]}\n"
                       "  - {name: beta, type: openai, base_url: 'http://127.0.0.1:9/v1', models: [{local: b-1, server_mapping: shared}]}\n"));
    m_window->showPage(MainWindow::Page::Models);
    auto *tree = find<QTreeWidget>(QStringLiteral("modelTree"));
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *shared = tree->topLevelItem(0);
    QCOMPARE(shared->text(0), QStringLiteral("shared"));
    QCOMPARE(shared->childCount(), 2);
    QCOMPARE(shared->child(1)->text(0), QStringLiteral("beta"));
    QCOMPARE(shared->child(1)->text(1), QStringLiteral("b-1"));

    shared->child(1)->setText(2, QStringLiteral("5")); // beta's priority, as the editor would commit it
    QVERIFY(TestHttp::waitUntil([&] { return m_app->editor()->config().providers.at(1).priority == 5; }));
    QVERIFY(readFile(m_configPath).contains("priority: 5"));

    tree->topLevelItem(0)->setText(0, QStringLiteral("team-model")); // rename the public name
    QVERIFY(TestHttp::waitUntil([&] { return m_app->editor()->config().providers.at(0).models.at(0).publicName == QStringLiteral("team-model"); }));
    QCOMPARE(m_app->editor()->config().providers.at(1).models.at(0).publicName, QStringLiteral("team-model"));
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("team-model"));

    // Nonsense is refused in plain words and nothing changes.
    tree->topLevelItem(0)->child(0)->setText(3, QStringLiteral("zero"));
    auto *error = find<QLabel>(QStringLiteral("modelsError"));
    QVERIFY(!error->isHidden());
    QVERIFY(error->text().contains(QStringLiteral("zero")));
    QCOMPARE(m_app->editor()->config().providers.at(0).weight, 1);
}

void TestDesktop::providersPageDisablesAndDeletes()
{
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port)
                     + "\nproviders:\n"
                       "  - {name: alpha, type: openai, base_url: 'http://127.0.0.1:9/v1', api_key: sk-alpha-literal-1, models: [m1]}\n"
                       "  - {name: beta, type: openai, base_url: 'https://api.beta.invalid/v1', models: [m2]}\n"
                       "  - {name: ollama, type: openai, base_url: 'http://127.0.0.1:11434/v1', models: [m3]}\n"));
    auto *list = find<QTreeWidget>(QStringLiteral("providerList"));
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->topLevelItem(2)->text(4), QStringLiteral("Ready")); // a local server needs no key
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("alpha"));
    QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("Ready"));
    QCOMPARE(list->topLevelItem(1)->text(4), QStringLiteral("No key")); // keychain entry absent

    list->topLevelItem(0)->setSelected(true);
    auto *toggle = find<QPushButton>(QStringLiteral("toggleProvider"));
    QCOMPARE(toggle->text(), QStringLiteral("Disable"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(TestHttp::waitUntil([&] { return !m_app->editor()->config().providers.at(0).enabled; }, 10'000));
    QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("Disabled"));
    QCOMPARE(toggle->text(), QStringLiteral("Enable"));
    // Saving moved the literal key into the keychain on the way.
    QVERIFY(!readFile(m_configPath).contains("sk-alpha-literal-1"));
    QCOMPARE(keychainValue(QStringLiteral("provider:alpha:api_key")), QStringLiteral("sk-alpha-literal-1"));

    list->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("deleteProvider")), Qt::LeftButton);
    auto *confirm = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QStringLiteral("alpha")));
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QVERIFY(TestHttp::waitUntil([&] { return m_app->editor()->config().providers.size() == 2; }, 10'000));
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("beta"));
    QVERIFY(TestHttp::waitUntil([&] { return keychainValue(QStringLiteral("provider:alpha:api_key")).isEmpty(); }, 10'000));
    QVERIFY(!readFile(m_configPath).contains("alpha"));
}

void TestDesktop::literalKeysOfferToMoveIntoKeychain()
{
    // A Co-Link client config.yaml, keys and all.
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port)
                     + "\nproviders:\n  - name: colink-openai\n    type: openai\n    api_key: sk-literal-in-yaml-123\n"
                       "    base_url: http://127.0.0.1:9/v1\n    models:\n      - local: gpt-x\n        server_mapping: gpt-x\n"));
    auto *notice = find<NoticeBar>(QStringLiteral("plaintextNotice"));
    QVERIFY(!notice->isHidden());
    QVERIFY(notice->text().contains(QStringLiteral("colink-openai")));
    QTest::mouseClick(notice->actionButton(), Qt::LeftButton);

    QVERIFY(TestHttp::waitUntil([&] { return notice->isHidden(); }, 10'000));
    QVERIFY(!readFile(m_configPath).contains("sk-literal-in-yaml-123"));
    QCOMPARE(keychainValue(QStringLiteral("provider:colink-openai:api_key")), QStringLiteral("sk-literal-in-yaml-123"));
    // And Switchyard starts from what it wrote, with the key from the keychain.
    m_window.reset();
    m_app.reset();
    CommandLine again;
    again.configPath = m_configPath;
    again.dataDir = m_dir->filePath(QStringLiteral("data"));
    AppController restarted;
    QString error;
    QVERIFY2(restarted.start(again, true, &error), qPrintable(error));
    QVERIFY(restarted.editor()->hasStoredKey(QStringLiteral("colink-openai")));
    QVERIFY(restarted.editor()->plaintextSecrets().isEmpty());
}

void TestDesktop::trayPausesAndResumes()
{
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port) + "\n"));
    TrayController tray(m_app->gateway(), m_app->editor(), m_window.get());
    QCOMPARE(tray.state(), AppIcon::State::Serving);
    QMenu *menu = tray.menu();
    QVERIFY(menuAction(menu, QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port)));
    QVERIFY(menuAction(menu, QStringLiteral("Requests today: 0")));

    TestHttp::post(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_port)),
                   R"({"model":"nobody-serves-this","messages":[{"role":"user","content":"hi"}]})");
    QVERIFY(TestHttp::waitUntil([&] { return menuAction(menu, QStringLiteral("Requests today: 1")) != nullptr; }));

    menuAction(menu, QStringLiteral("Pause gateway"))->trigger();
    QCOMPARE(tray.state(), AppIcon::State::Paused);
    QVERIFY(!m_app->gateway()->isListening());
    QCOMPARE(TestHttp::get(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(m_port)), {}, 2000).status, 0);
    QVERIFY(!find<NoticeBar>(QStringLiteral("listenNotice"))->isHidden());

    menuAction(menu, QStringLiteral("Pause gateway"))->trigger();
    QCOMPARE(tray.state(), AppIcon::State::Serving);
    QCOMPARE(TestHttp::get(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(m_port))).status, 200);

    // "Share this machine" with no server to share with opens the Nodes page instead.
    QAction *share = menuAction(menu, QStringLiteral("Share this machine"));
    share->trigger();
    QVERIFY(!share->isChecked());
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Nodes);
}

void TestDesktop::secondLaunchRaisesTheFirst()
{
    const QString key = m_dir->filePath(QStringLiteral("config.yaml"));
    SingleInstance first(key);
    QVERIFY(first.claim());
    QSignalSpy raised(&first, &SingleInstance::raiseRequested);
    SingleInstance second(key);
    QVERIFY(!second.claim());
    QVERIFY(raised.wait(5000));
    // Another configuration is another instance.
    SingleInstance other(m_dir->filePath(QStringLiteral("other.yaml")));
    QVERIFY(other.claim());
}

void TestDesktop::startAtLoginWritesAnAutostartEntry()
{
    qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("xdg")).toUtf8());
    QVERIFY(startApp("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(m_port) + "\n"));
    QVERIFY(Autostart::entryPath().startsWith(m_dir->path()));
    QVERIFY(!Autostart::isEnabled());
    m_window->showPage(MainWindow::Page::Settings);
    auto *box = find<QCheckBox>(QStringLiteral("startAtLogin"));
    box->click();
    QVERIFY(Autostart::isEnabled());
    const QByteArray entry = readFile(Autostart::entryPath());
    QVERIFY2(entry.contains(QByteArray("Exec=" + QCoreApplication::applicationFilePath().toUtf8() + " --minimized --config "
                                       + m_configPath.toUtf8() + "\n")),
             entry.constData());
    box->click();
    QVERIFY(!QFile::exists(Autostart::entryPath()));
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
