#include "mainwindow.h"

#include "gateway.h"
#include "routing/router.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(Gateway *gateway, QWidget *parent)
    : QMainWindow(parent), m_gateway(gateway)
{
    setWindowTitle(tr("Switchyard"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_status = new QLabel(central);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_requests = new QTableWidget(0, 5, central);
    m_requests->setHorizontalHeaderLabels({tr("Time"), tr("Model"), tr("Provider"), tr("Status"), tr("Latency")});
    m_requests->horizontalHeader()->setStretchLastSection(true);
    m_requests->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_requests);
    setCentralWidget(central);
    resize(760, 420);

    connect(gateway, &Gateway::listeningChanged, this, &MainWindow::refreshStatus);
    connect(gateway->router(), &Router::healthChanged, this, &MainWindow::refreshStatus);
    connect(gateway, &Gateway::requestFinished, this, [this](const RequestRecord &r) {
        m_requests->insertRow(0);
        const QStringList cells{QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(QStringLiteral("HH:mm:ss")),
                                r.publicModel, r.provider, QString::number(r.status),
                                tr("%1 ms").arg(r.latencyMs)};
        for (int c = 0; c < cells.size(); ++c)
            m_requests->setItem(0, c, new QTableWidgetItem(cells.at(c)));
        if (m_requests->rowCount() > 500)
            m_requests->removeRow(m_requests->rowCount() - 1);
    });
    refreshStatus();
}

void MainWindow::refreshStatus()
{
    const int providers = int(m_gateway->router()->backends().size());
    m_status->setText(m_gateway->isListening()
                          ? tr("Serving at %1 — %n provider(s) configured", nullptr, providers).arg(m_gateway->baseUrl())
                          : tr("Not listening"));
}
