#include "mainwindow.h"

#include "appicon.h"
#include "config/configeditor.h"
#include "gateway.h"
#include "noticebar.h"
#include "pages/logspage.h"
#include "pages/modelspage.h"
#include "pages/nodespage.h"
#include "pages/providerspage.h"
#include "pages/settingspage.h"
#include "pages/usagepage.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMetaEnum>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(Gateway *gateway, ConfigEditor *editor, QWidget *parent)
    : QMainWindow(parent), m_gateway(gateway), m_editor(editor)
{
    setWindowTitle(tr("Switchyard"));
    setWindowIcon(AppIcon::application());
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *header = new QHBoxLayout;
    m_serving = new QLabel(central);
    m_serving->setObjectName(QStringLiteral("servingLabel"));
    m_serving->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *copy = new QPushButton(tr("Copy URL"), central);
    copy->setObjectName(QStringLiteral("copyBaseUrl"));
    header->addWidget(m_serving, 1);
    header->addWidget(copy);
    layout->addLayout(header);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_gateway->baseUrl()); });

    m_listenNotice = new NoticeBar(central);
    m_listenNotice->setObjectName(QStringLiteral("listenNotice"));
    m_keychainNotice = new NoticeBar(central);
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_plaintextNotice = new NoticeBar(central);
    m_plaintextNotice->setObjectName(QStringLiteral("plaintextNotice"));
    layout->addWidget(m_listenNotice);
    layout->addWidget(m_keychainNotice);
    layout->addWidget(m_plaintextNotice);

    auto *body = new QHBoxLayout;
    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(150);
    m_sidebar->setSpacing(1);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget#sidebar { font-size: 11pt; }"
                                            " QListWidget#sidebar::item { padding: 7px 8px; }"));
    m_pages = new QStackedWidget(central);
    body->addWidget(m_sidebar);
    body->addWidget(m_pages, 1);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    addPage(Page::Providers, tr("Providers"), new ProvidersPage(gateway, editor));
    addPage(Page::Models, tr("Models"), new ModelsPage(gateway, editor));
    addPage(Page::Nodes, tr("Nodes"), new NodesPage(gateway, editor));
    addPage(Page::Logs, tr("Logs"), new LogsPage(gateway));
    addPage(Page::Usage, tr("Usage"), new UsagePage(gateway));
    addPage(Page::Settings, tr("Settings"), new SettingsPage(gateway, editor));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);
    resize(1000, 640);

    connect(m_keychainNotice, &NoticeBar::actionTriggered, this, [this] {
        m_keychainNotice->actionButton()->setEnabled(false);
        m_keychainNotice->actionButton()->setText(tr("Trying…"));
        m_editor->retryKeychain([this](bool, const QString &) { refreshNotices(); });
    });
    connect(m_plaintextNotice, &NoticeBar::actionTriggered, this, [this] {
        m_plaintextNotice->actionButton()->setEnabled(false); // one move at a time
        m_editor->moveSecretsToKeychain([this](bool ok, const QString &error) {
            if (ok)
                refreshNotices();
            else
                m_plaintextNotice->showNotice(NoticeBar::Tone::Error, error, tr("Try again"));
        });
    });
    connect(m_listenNotice, &NoticeBar::actionTriggered, this, [this] { showPage(Page::Settings); });
    connect(gateway, &Gateway::listeningChanged, this, [this] {
        if (m_gateway->isListening())
            m_listenProblem.clear();
        refreshHeader();
        refreshNotices();
    });
    connect(editor, &ConfigEditor::changed, this, &MainWindow::refreshNotices);
    connect(editor, &ConfigEditor::keychainChanged, this, &MainWindow::refreshNotices);
    refreshHeader();
    refreshNotices();
}

void MainWindow::addPage(Page page, const QString &title, QWidget *widget)
{
    widget->setObjectName(QString::fromLatin1(QMetaEnum::fromType<Page>().valueToKey(int(page))).toLower()
                          + QStringLiteral("Page"));
    m_pages->addWidget(widget);
    m_sidebar->addItem(title);
}

void MainWindow::showPage(Page page)
{
    m_sidebar->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::setListenProblem(const QString &problem)
{
    m_listenProblem = problem;
    refreshHeader();
    refreshNotices();
}

void MainWindow::raiseToFront()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_hidesToTray) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
    QApplication::quit();
}

void MainWindow::refreshHeader()
{
    m_serving->setText(m_gateway->isListening()
                           ? tr("<b>Serving</b> at <code>%1</code>").arg(m_gateway->baseUrl())
                           : tr("<b>Not serving</b>"));
}

void MainWindow::refreshNotices()
{
    if (!m_gateway->isListening())
        m_listenNotice->showNotice(NoticeBar::Tone::Error,
                                   m_listenProblem.isEmpty()
                                       ? tr("The gateway is paused: clients cannot reach it.")
                                       : tr("The gateway is not serving: %1").arg(m_listenProblem),
                                   m_listenProblem.isEmpty() ? QString() : tr("Change the port…"));
    else
        m_listenNotice->hide();

    if (!m_editor->keychainAvailable())
        m_keychainNotice->showNotice(NoticeBar::Tone::Warning,
                                     tr("The system keychain is not available. %1 Until it is, providers whose "
                                        "key is kept there run without it and new keys cannot be saved; "
                                        "Switchyard never stores keys in plain text.")
                                         .arg(m_editor->keychainProblem()),
                                     tr("Retry"));
    else
        m_keychainNotice->hide();

    const QStringList plaintext = m_editor->plaintextSecrets();
    if (!plaintext.isEmpty())
        m_plaintextNotice->showNotice(NoticeBar::Tone::Info,
                                      tr("Your configuration file holds %n key(s) in plain text (%1). Move them "
                                         "into the system keychain? Otherwise they are moved the next time "
                                         "Switchyard saves the configuration.",
                                         nullptr, int(plaintext.size()))
                                          .arg(plaintext.join(QStringLiteral(", "))),
                                      tr("Move to keychain"));
    else
        m_plaintextNotice->hide();
}
