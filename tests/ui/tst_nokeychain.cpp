// The desktop app on a machine without a working keychain (no Secret Service on the session bus): it says so
// in plain words, keeps serving, refuses every change that needs a secret, and writes no secret anywhere.

#include "appcontroller.h"
#include "config/configeditor.h"
#include "gateway.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "providerdialog.h"
#include "storage/requestlog.h"
#include "testhttp.h"
#include "tray/traycontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QByteArray secretToken = "client-must-never-touch-disk-7731";

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every file under dir whose bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (readFile(path).contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace

class TestNoKeychain final : public QObject
{
    Q_OBJECT

public:
    explicit TestNoKeychain(QTemporaryDir *home) : m_home(home) {}

private Q_SLOTS:
    void saysSoAndSavesNoSecret();

private:
    QTemporaryDir *m_home;
};

void TestNoKeychain::saysSoAndSavesNoSecret()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const QString configPath = m_home->filePath(QStringLiteral("config.yaml"));
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("gateway:\n  listen: 127.0.0.1:" + QByteArray::number(port) + "\n");
    file.close();
    const QByteArray before = readFile(configPath);

    CommandLine commandLine;
    commandLine.configPath = configPath;
    commandLine.dataDir = m_home->filePath(QStringLiteral("data"));
    AppController app;
    QString error;
    QVERIFY2(app.start(commandLine, true, &error), qPrintable(error));
    QVERIFY(!app.editor()->keychainAvailable());
    QVERIFY(!app.editor()->keychainProblem().isEmpty());
    // Still serving: keyless and environment-key providers work without a keychain.
    QCOMPARE(TestHttp::get(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port))).status, 200);

    MainWindow window(app.gateway(), app.editor());
    window.show();
    TrayController tray(app.gateway(), app.editor(), &window);
    QCOMPARE(tray.state(), AppIcon::State::Error);
    auto *notice = window.findChild<NoticeBar *>(QStringLiteral("keychainNotice"));
    QVERIFY(notice && !notice->isHidden());
    QVERIFY2(notice->text().contains(QStringLiteral("keychain is not available")), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(app.editor()->keychainProblem()), qPrintable(notice->text()));

    // A client token typed on the Nodes page is refused next to the form, and lands nowhere.
    window.showPage(MainWindow::Page::Nodes);
    window.findChild<QLineEdit *>(QStringLiteral("serverUrl"))->setText(QStringLiteral("wss://colink.example/ws"));
    window.findChild<QLineEdit *>(QStringLiteral("clientToken"))->setText(QString::fromLatin1(secretToken));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("saveNodeSettings")), Qt::LeftButton);
    auto *nodeError = window.findChild<QLabel *>(QStringLiteral("nodeSettingsError"));
    QVERIFY(!nodeError->isHidden());
    QVERIFY2(nodeError->text().contains(QStringLiteral("keychain")), qPrintable(nodeError->text()));
    QCOMPARE(readFile(configPath), before);

    // So is a provider key typed in the Add provider dialog.
    window.showPage(MainWindow::Page::Providers);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("addProvider")), Qt::LeftButton);
    auto *dialog = window.findChild<ProviderDialog *>();
    QVERIFY(dialog);
    auto *preset = dialog->findChild<QComboBox *>(QStringLiteral("presetCombo"));
    preset->setCurrentIndex(preset->findData(QStringLiteral("deepseek")));
    dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"))->setText(QString::fromLatin1(secretToken));
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
    auto *providersError = window.findChild<QLabel *>(QStringLiteral("providersError"));
    QVERIFY(TestHttp::waitUntil([&] { return !providersError->isHidden(); }));
    QVERIFY2(providersError->text().contains(QStringLiteral("keychain")), qPrintable(providersError->text()));
    QVERIFY(app.editor()->config().providers.isEmpty());
    QCOMPARE(readFile(configPath), before);

    // Retry: still no keychain, still said plainly, and the button works again.
    QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
    QVERIFY(TestHttp::waitUntil([&] { return notice->actionButton()->isEnabled(); }, 15'000));
    QVERIFY(!notice->isHidden());
    QVERIFY(!app.editor()->keychainAvailable());

    app.gateway()->requestLog()->flush();
    const QStringList leaks = filesContaining(m_home->path(), secretToken);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
}

int main(int argc, char **argv)
{
    // A throwaway home, and a session bus that does not exist: QtKeychain finds no Secret Service.
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/.config")).toUtf8());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toUtf8());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/switchyard-test-bus");
    QApplication app(argc, argv);
    TestNoKeychain test(&home);
    return QTest::qExec(&test, argc, argv);
}

#include "tst_nokeychain.moc"
