// Edits of a cell as the studio's predictor panel makes them: an op or an input changes, and an
// edit that would leave the predictor's cells is refused with a message, the cell untouched.
#include "predictor/cell_edit.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace nas::predictor;
using nas::space::Genotype;

namespace {

Genotype dartsV2() { return *nas::space::publishedGenotype("DARTS_V2"); }

std::string refusal(const Genotype& g, const EdgeEdit& edit) {
    try {
        (void)applyEdgeEdit(g, edit, nas::space::SpaceConfig{});
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST(CellEdit, ChangesAnEdgesOpOrInput) {
    const auto g = dartsV2();
    EdgeEdit op;
    op.edge = 0;
    op.op = "max_pool_3x3";
    const auto withOp = applyEdgeEdit(g, op, nas::space::SpaceConfig{});
    EXPECT_EQ(withOp.normal.edges[0].op, "max_pool_3x3");
    EXPECT_EQ(withOp.normal.edges[0].from, g.normal.edges[0].from);
    EXPECT_EQ(withOp.reduce, g.reduce);

    // DARTS_V2's reduction node 3 (edges 6 and 7) reads states 2 and 4; state 0 is free.
    EdgeEdit input;
    input.reduction = true;
    input.edge = 7;
    input.from = 0;
    ASSERT_EQ(g.reduce.edges[7].to, 3);
    const auto withInput = applyEdgeEdit(g, input, nas::space::SpaceConfig{});
    EXPECT_EQ(withInput.reduce.edges[7].from, 0);
    EXPECT_EQ(withInput.reduce.edges[7].op, g.reduce.edges[7].op);
    EXPECT_EQ(withInput.normal, g.normal);
}

TEST(CellEdit, RefusesEditsOutsideThePredictorsCells) {
    const auto g = dartsV2();
    // Node 0 of the normal cell reads states 0 and 1: both edges from state 1 is refused.
    EdgeEdit same;
    same.edge = 0;
    same.from = g.normal.edges[1].from;
    EXPECT_NE(refusal(g, same).find("already reads state"), std::string::npos) << refusal(g, same);

    EdgeEdit later;
    later.edge = 0;
    later.from = 3;  // node 0 reads states 0 and 1 only
    EXPECT_NE(refusal(g, later).find("earlier state (0 to 1)"), std::string::npos);

    EdgeEdit unknownOp;
    unknownOp.edge = 2;
    unknownOp.op = "conv_9x9";
    EXPECT_NE(refusal(g, unknownOp).find("'conv_9x9'"), std::string::npos);
    EdgeEdit none = unknownOp;
    none.op = "none";
    EXPECT_NE(refusal(g, none).find("'none'"), std::string::npos);

    // An op the space's reduction cells lack.
    nas::space::SpaceConfig narrow;
    narrow.reduceOps = {"none", "max_pool_3x3", "skip_connect"};
    EdgeEdit reduceOp;
    reduceOp.reduction = true;
    reduceOp.edge = 0;
    reduceOp.op = "sep_conv_3x3";
    EXPECT_THROW((void)applyEdgeEdit(g, reduceOp, narrow), std::invalid_argument);

    EdgeEdit missing;
    missing.edge = 99;
    missing.op = "skip_connect";
    EXPECT_NE(refusal(g, missing).find("no edge 99"), std::string::npos);
}

TEST(CellEdit, OffersTheSpacesOpsButNoneAndTheEarlierStates) {
    const auto ops = editableOps(nas::space::SpaceConfig{}, false);
    EXPECT_EQ(std::count(ops.begin(), ops.end(), "none"), 0);
    EXPECT_EQ(ops.size(), nas::space::dartsOps().size() - 1);
    EXPECT_EQ(editableInputs(2), (std::vector<int>{0, 1, 2, 3}));
}
