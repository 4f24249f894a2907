// The Pareto front of (cost, score) points against hand-worked cases, ties and duplicates included.
#include "predictor/pareto_front.h"

#include <gtest/gtest.h>

#include <cmath>

using nas::predictor::CostScore;
using nas::predictor::paretoFront;
using Indices = std::vector<std::size_t>;

TEST(ParetoFront, EmptyAndSingle) {
    EXPECT_TRUE(paretoFront({}).empty());
    EXPECT_EQ(paretoFront({{5, 0.5}}), Indices{0});
}

TEST(ParetoFront, StaircaseByIncreasingCost) {
    // Cost/score: 0 (3, .70), 1 (1, .60), 2 (2, .65), 3 (4, .68), 4 (5, .90), 5 (2.5, .62).
    // 3 is beaten by 0 (cheaper, better), 5 by 2 (cheaper, better); the rest form the staircase
    // 1 -> 2 -> 0 -> 4.
    const std::vector<CostScore> points{{3, .70}, {1, .60}, {2, .65},
                                        {4, .68}, {5, .90}, {2.5, .62}};
    EXPECT_EQ(paretoFront(points), (Indices{1, 2, 0, 4}));
}

TEST(ParetoFront, EqualCostKeepsOnlyTheBestScore) {
    // 0 and 1 cost 2: 1 scores higher, so 0 is dominated; 2 is cheaper and worse: on the front.
    EXPECT_EQ(paretoFront({{2, .5}, {2, .8}, {1, .4}}), (Indices{2, 1}));
}

TEST(ParetoFront, EqualScoreKeepsOnlyTheLowestCost) {
    // 0, 1 and 2 all score .7: only the cheapest (1) is on the front; 3 costs more and scores more.
    EXPECT_EQ(paretoFront({{3, .7}, {1, .7}, {2, .7}, {4, .9}}), (Indices{1, 3}));
}

TEST(ParetoFront, DuplicatesAreAllOnTheFrontOrAllOff) {
    // 0 and 2 duplicate a front point: both kept, by index. 1 and 3 duplicate a dominated point
    // (beaten by 4): both off.
    const std::vector<CostScore> points{{1, .6}, {3, .5}, {1, .6}, {3, .5}, {2, .8}};
    EXPECT_EQ(paretoFront(points), (Indices{0, 2, 4}));
    // Every point the same: all of them.
    EXPECT_EQ(paretoFront({{2, .5}, {2, .5}, {2, .5}}), (Indices{0, 1, 2}));
}

TEST(ParetoFront, OnePointBeatingAllLeavesItAlone) {
    EXPECT_EQ(paretoFront({{5, .5}, {4, .6}, {1, .9}, {3, .7}}), Indices{2});
}

TEST(ParetoFront, NanPointsAreSkipped) {
    const double nan = std::nan("");
    // 1 would dominate everything if its NaN score counted; it is ignored, as is 3.
    EXPECT_EQ(paretoFront({{2, .5}, {0, nan}, {3, .6}, {nan, 1.0}}), (Indices{0, 2}));
}
