#include "predictor/score_cache.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "util/atomic_file.h"

namespace nas::predictor {
namespace {

namespace fs = std::filesystem;

// The checkpoint's name, size and content checksum: a copied or moved workspace keeps its scores,
// a checkpoint written again with other weights does not.
std::string checkpointIdentity(const std::string& checkpoint) {
    std::ifstream in(checkpoint, std::ios::binary);
    uLong crc = crc32(0L, Z_NULL, 0);
    std::uintmax_t size = 0;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<uInt>(in.gcount());
        crc = crc32(crc, reinterpret_cast<const Bytef*>(buffer.data()), got);
        size += got;
    }
    return fs::path(checkpoint).filename().string() + ";" + std::to_string(size) + ";crc32 " +
           std::to_string(crc);
}

std::string sectionKey(const std::string& checkpoint, const SharedWeightScoring& scoring) {
    return checkpointIdentity(checkpoint) + ";batches " + std::to_string(scoring.batches) + ";bn " +
           scoring.bnMode + ";calibration " + std::to_string(scoring.calibrationBatches);
}

nlohmann::json readFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return nlohmann::json::object();
    auto doc = nlohmann::json::parse(in, nullptr, false);
    return doc.is_object() ? doc : nlohmann::json::object();
}

std::string architectureKey(const space::Genotype& genotype) {
    return space::toJson(genotype).dump();
}

}  // namespace

std::string scoreCacheFileName() { return "shared-weight-scores.json"; }

ScoreCache::ScoreCache(std::string path, const std::string& checkpoint,
                       const SharedWeightScoring& scoring)
    : m_path(std::move(path)), m_key(sectionKey(checkpoint, scoring)) {
    const auto doc = readFile(m_path);
    const auto section = doc.find(m_key);
    if (section == doc.end() || !section->is_object()) return;
    for (const auto& [architecture, score] : section->items())
        if (score.is_number()) m_scores[architecture] = score.get<double>();
}

std::optional<double> ScoreCache::find(const space::Genotype& genotype) const {
    const auto found = m_scores.find(architectureKey(genotype));
    if (found == m_scores.end()) return std::nullopt;
    return found->second;
}

void ScoreCache::add(const space::Genotype& genotype, double score) {
    m_scores[architectureKey(genotype)] = score;
}

void ScoreCache::save() const {
    auto doc = readFile(m_path);
    doc[m_key] = m_scores;
    util::writeTextAtomically(m_path, doc.dump());
}

std::optional<std::vector<double>> scoreWithCache(const engine::SearchConfig& config,
                                                  const std::string& checkpoint,
                                                  const std::vector<space::Genotype>& genotypes,
                                                  const SharedWeightScoring& scoring,
                                                  const std::string& cachePath,
                                                  const std::function<void(int, int)>& progress,
                                                  const std::atomic<bool>* cancel) {
    ScoreCache cache(cachePath, checkpoint, scoring);
    std::vector<double> scores(genotypes.size());
    std::vector<space::Genotype> missing;
    std::vector<std::size_t> missingAt;
    for (std::size_t i = 0; i < genotypes.size(); ++i) {
        if (const auto score = cache.find(genotypes[i])) {
            scores[i] = *score;
        } else {
            missing.push_back(genotypes[i]);
            missingAt.push_back(i);
        }
    }
    const auto total = static_cast<int>(genotypes.size());
    const auto cached = total - static_cast<int>(missing.size());
    if (progress && cached > 0) progress(cached, total);
    if (missing.empty()) return scores;
    // Scored in slices, each saved, so that a cancel or a crash keeps most of what was done; a
    // slice reloads the data and the weights, a second or two.
    const std::size_t slice = 250;
    for (std::size_t begin = 0; begin < missing.size(); begin += slice) {
        const auto end = std::min(missing.size(), begin + slice);
        const std::vector<space::Genotype> part(missing.begin() + static_cast<long>(begin),
                                                missing.begin() + static_cast<long>(end));
        const auto done = cached + static_cast<int>(begin);
        const auto partScores = scoreWithSharedWeights(
            config, checkpoint, part, scoring,
            [&](int partDone, int) {
                if (progress) progress(done + partDone, total);
            },
            cancel);
        if (!partScores) {
            cache.save();
            return std::nullopt;
        }
        for (std::size_t k = 0; k < part.size(); ++k) {
            scores[missingAt[begin + k]] = (*partScores)[k];
            cache.add(part[k], (*partScores)[k]);
        }
        cache.save();
    }
    return scores;
}

}  // namespace nas::predictor
