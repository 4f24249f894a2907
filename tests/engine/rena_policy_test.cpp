// RENA's policy network: embedding shapes, edits that the space accepts or refuses by its own
// rules, exact replay, and REINFORCE moving it toward a rewarded kind of edit.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "search/rena/edit_policy.h"
#include "search/rena/policy_learner.h"

using namespace nas::search::rena;
using namespace nas::space::layers;

namespace {

LayerNetwork seedNetwork() {
    LayerNetwork n;
    n.stemFilters = 8;
    n.layers = {{LayerKind::Conv, 3, 16, 1, -1},
                {LayerKind::MaxPool, 3, 0, 2, -1},
                {LayerKind::SepConv, 3, 32, 2, 1}};
    return n;
}

EditPolicy makePolicy() {
    torch::manual_seed(5);
    return EditPolicy(PolicySettings{});
}

}  // namespace

TEST(RenaPolicy, EmbeddingShapes) {
    auto policy = makePolicy();
    const auto network = seedNetwork();
    const auto features = policy->layerFeatures(network);
    EXPECT_EQ(features.sizes(), (std::vector<int64_t>{3, kLayerFeatures}));
    EXPECT_FLOAT_EQ(features[1][3].item<float>(), 1.0F);   // a max pool
    EXPECT_FLOAT_EQ(features[2][11].item<float>(), 1.0F);  // with a skip
    EXPECT_EQ(policy->embed(network).sizes(), (std::vector<int64_t>{64}));
    // A longer network, the same embedding size.
    auto longer = network;
    longer.layers.push_back({LayerKind::Conv, 1, 8, 1, -1});
    EXPECT_EQ(policy->embed(longer).sizes(), (std::vector<int64_t>{64}));
}

TEST(RenaPolicy, SampledEditsAreMostlyAcceptedAndReplayExactly) {
    auto policy = makePolicy();
    std::mt19937_64 rng(3);
    auto network = seedNetwork();
    int accepted = 0;
    for (int i = 0; i < 200; ++i) {
        const auto sampled = policy->sample(network, rng);
        EXPECT_TRUE(sampled.logProb.requires_grad());
        EXPECT_LE(sampled.logProb.item<double>(), 0.0);
        ASSERT_EQ(sampled.kindProbabilities.size(), 3u);
        const auto replayed = policy->replay(network, sampled.decisions);
        EXPECT_EQ(replayed.edit, sampled.edit);
        EXPECT_NEAR(replayed.logProb.item<double>(), sampled.logProb.item<double>(), 1e-6);
        const auto result = applyEdit(network, sampled.edit, policy->settings().rules);
        if (result.network) {
            ++accepted;
            network = *result.network;  // walk on, so that many shapes of network are seen
        } else {
            EXPECT_FALSE(result.refusal.empty());
        }
    }
    // The local rules are masked; what the space still refuses is rare.
    EXPECT_GT(accepted, 170);
    EXPECT_THROW((void)policy->replay(seedNetwork(), {0}), std::invalid_argument);
}

TEST(RenaPolicy, MaskedChoicesAreNeverDrawn) {
    auto policy = makePolicy();
    std::mt19937_64 rng(9);
    LayerNetwork single;
    single.stemFilters = 8;
    single.layers = {{LayerKind::AvgPool, 3, 0, 1, -1}};
    for (int i = 0; i < 50; ++i) {
        const auto edit = policy->sample(single, rng).edit;
        // One layer, a pool: it can neither be removed nor scaled.
        EXPECT_EQ(edit.kind, EditKind::Insert);
    }
}

TEST(RenaPolicy, ReinforceMovesThePolicyTowardARewardedEdit) {
    auto policy = makePolicy();
    PolicyLearner learner(policy, ReinforceSettings{0.02, 0.9, 0});
    std::mt19937_64 rng(11);
    const auto network = seedNetwork();
    const auto insertProbability = [&] {
        return policy->sample(network, rng).kindProbabilities[1];
    };
    const double before = insertProbability();
    for (int update = 0; update < 30; ++update) {
        std::vector<SampledEdit> edits;
        std::vector<double> rewards;
        for (int k = 0; k < 8; ++k) {
            edits.push_back(policy->sample(network, rng));
            rewards.push_back(edits.back().edit.kind == EditKind::Insert ? 1.0 : 0.0);
        }
        (void)learner.update(edits, rewards);
    }
    const double after = insertProbability();
    EXPECT_LT(before, 0.5);
    EXPECT_GT(after, 0.8) << "from " << before;
    ASSERT_TRUE(learner.baseline());
    EXPECT_GT(*learner.baseline(), 0.3);
}
