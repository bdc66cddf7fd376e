#include "tokenrevealdialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

TokenRevealDialog::TokenRevealDialog(const QString &title, const QString &explanation, const QString &token,
                                     QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("newTokenDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(explanation, this);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto *field = new QLineEdit(token, this);
    field->setObjectName(QStringLiteral("newToken"));
    field->setReadOnly(true);
    field->setMinimumWidth(460);
    field->selectAll();
    layout->addWidget(field);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(copy, &QPushButton::clicked, this, [token, copy] {
        QGuiApplication::clipboard()->setText(token);
        copy->setText(tr("Copied"));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}
