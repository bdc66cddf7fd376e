#pragma once

#include "config/config.h"

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

// The models a provider offers, as a table: the provider's own name for each (ticked when offered) and the
// name clients ask for. A long list fetched from the provider can be offered in part by ticking rows.
class ModelMappingEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelMappingEditor)

public:
    enum Column { LocalColumn, PublicColumn };

    explicit ModelMappingEditor(QWidget *parent = nullptr);

    // A configured provider's models, all ticked.
    void setMappings(const QList<ModelMapping> &mappings);
    // A preset was chosen: rows that came from the previous preset or provider go, rows the user typed stay,
    // and these names come in ticked.
    void replaceSuggestions(const QStringList &localNames);
    // Names the provider listed: those not in the table yet come in unticked, and rows the provider did not
    // list are marked so. Returns how many rows were added.
    int addFetched(const QStringList &localNames);

    // The ticked rows that have a provider's name; an empty name for clients means the provider's name.
    QList<ModelMapping> mappings() const;
    // What stops these mappings from being saved, in plain words; empty when nothing does.
    QString problem() const;

Q_SIGNALS:
    void changed();

private:
    enum class Origin { Suggested, Fetched, Typed };
    int addRow(const QString &local, const QString &publicName, bool ticked, Origin origin);
    void onItemChanged(QTableWidgetItem *item);
    void addEmptyRow();
    void removeSelectedRows();
    void applyFilter();

    QLineEdit *m_filter = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    bool m_filling = false; // rows being written by code, not edited by the user
};
