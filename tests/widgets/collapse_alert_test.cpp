#include "widgets/collapse_alert.h"

#include <gtest/gtest.h>

#include <QToolButton>

#include "widgets/collapse.h"

using namespace nas::widgets;

namespace {
nas::space::Genotype allSkip() {
    nas::space::Genotype g = *nas::space::publishedGenotype("DARTS_V2");
    for (auto& e : g.normal.edges) e.op = "skip_connect";
    return g;
}
}  // namespace

TEST(Collapse, CountsParameterFreeEdges) {
    const auto darts = *nas::space::publishedGenotype("DARTS_V2");
    EXPECT_DOUBLE_EQ(parameterFreeFraction(darts.normal), 2.0 / 8.0);
    EXPECT_FALSE(isCollapsed(darts.normal));
    EXPECT_DOUBLE_EQ(parameterFreeFraction(allSkip().normal), 1.0);
    EXPECT_TRUE(isCollapsed(allSkip().normal));
    EXPECT_FALSE(isCollapsed(nas::space::CellGenotype{}));
}

TEST(CollapseAlert, RaisedOnAnAllSkipCellOnly) {
    QWidget parent;
    auto* alert = new CollapseAlert(&parent);
    parent.show();
    alert->check(allSkip());
    EXPECT_TRUE(alert->isRaised());
    EXPECT_TRUE(alert->isVisible());
    EXPECT_TRUE(alert->text().contains(QStringLiteral("8")));
    alert->check(*nas::space::publishedGenotype("DARTS_V2"));
    EXPECT_FALSE(alert->isRaised());
    EXPECT_FALSE(alert->isVisible());
}

TEST(CollapseAlert, DismissedStaysHiddenUntilItChanges) {
    QWidget parent;
    auto* alert = new CollapseAlert(&parent);
    parent.show();
    alert->check(allSkip());
    alert->findChild<QToolButton*>(QStringLiteral("collapseAlertDismiss"))->click();
    EXPECT_FALSE(alert->isVisible());
    alert->check(allSkip());
    EXPECT_FALSE(alert->isVisible());
    EXPECT_TRUE(alert->isRaised());
    auto mostlySkip = allSkip();
    mostlySkip.normal.edges[0].op = "sep_conv_3x3";
    alert->check(mostlySkip);
    EXPECT_TRUE(alert->isVisible());
}
