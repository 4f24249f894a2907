// The predictor's ensemble: fitting each member, predicting, and the saved file.
#include "predictor/predictor.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <stdexcept>

#include "engine/archive_file.h"
#include "predictor/architecture_check.h"
#include "predictor/score_networks.h"
#include "study/correlation.h"

namespace nas::predictor {
namespace {

constexpr const char* kFormat = "nas-studio-predictor";
constexpr std::int64_t kPredictBatch = 1024;

// Fitting seeds LibTorch's global generator (weight initialisation, dropout); a fit in the middle
// of other work must not change what that work draws next.
class GlobalRandomStateGuard {
  public:
    GlobalRandomStateGuard() : m_state(generator().get_state()) {}
    ~GlobalRandomStateGuard() {
        auto g = generator();
        std::lock_guard<std::mutex> lock(g.mutex());
        g.set_state(m_state);
    }
    GlobalRandomStateGuard(const GlobalRandomStateGuard&) = delete;
    GlobalRandomStateGuard& operator=(const GlobalRandomStateGuard&) = delete;

  private:
    static at::Generator generator() { return at::detail::getDefaultCPUGenerator(); }
    torch::Tensor m_state;
};

nlohmann::json optionsToJson(const PredictorOptions& o) {
    return {{"model", toString(o.model)},
            {"members", o.members},
            {"epochs", o.epochs},
            {"batch_size", o.batchSize},
            {"learning_rate", o.learningRate},
            {"weight_decay", o.weightDecay},
            {"dropout", o.dropout},
            {"gcn_layers", o.gcnLayers},
            {"gcn_width", o.gcnWidth},
            {"head_width", o.headWidth},
            {"mlp_layers", o.mlpLayers},
            {"mlp_width", o.mlpWidth},
            {"seed", o.seed}};
}

PredictorOptions optionsFromJson(const nlohmann::json& j) {
    PredictorOptions o;
    o.model = predictorModelFromName(j.at("model").get<std::string>());
    o.members = j.at("members").get<int>();
    o.epochs = j.at("epochs").get<int>();
    o.batchSize = j.at("batch_size").get<int>();
    o.learningRate = j.at("learning_rate").get<double>();
    o.weightDecay = j.at("weight_decay").get<double>();
    o.dropout = j.at("dropout").get<double>();
    o.gcnLayers = j.at("gcn_layers").get<int>();
    o.gcnWidth = j.at("gcn_width").get<int>();
    o.headWidth = j.at("head_width").get<int>();
    o.mlpLayers = j.at("mlp_layers").get<int>();
    o.mlpWidth = j.at("mlp_width").get<int>();
    o.seed = j.at("seed").get<std::uint64_t>();
    return o;
}

nlohmann::json summaryToJson(const TrainingSummary& s) {
    nlohmann::json j = {{"count", s.count},        {"score_mean", s.scoreMean},
                        {"score_std", s.scoreStd}, {"score_min", s.scoreMin},
                        {"score_max", s.scoreMax}, {"description", s.description}};
    if (s.heldOutCount) j["held_out_count"] = *s.heldOutCount;
    // JSON has no NaN: an undefined coefficient is left out.
    if (s.heldOutSpearman && std::isfinite(*s.heldOutSpearman))
        j["held_out_spearman"] = *s.heldOutSpearman;
    if (s.heldOutKendall && std::isfinite(*s.heldOutKendall))
        j["held_out_kendall"] = *s.heldOutKendall;
    return j;
}

TrainingSummary summaryFromJson(const nlohmann::json& j) {
    TrainingSummary s;
    s.count = j.at("count").get<int>();
    s.scoreMean = j.at("score_mean").get<double>();
    s.scoreStd = j.at("score_std").get<double>();
    s.scoreMin = j.at("score_min").get<double>();
    s.scoreMax = j.at("score_max").get<double>();
    s.description = j.at("description").get<std::string>();
    if (j.contains("held_out_count")) s.heldOutCount = j["held_out_count"].get<int>();
    if (j.contains("held_out_spearman")) s.heldOutSpearman = j["held_out_spearman"].get<double>();
    if (j.contains("held_out_kendall")) s.heldOutKendall = j["held_out_kendall"].get<double>();
    return s;
}

// The space the predictor was fitted for, whole: its nodes and ops shape the encodings, its sizes
// are what a caller costs candidates with.
nlohmann::json spaceToJson(const space::SpaceConfig& s) {
    return {{"nodes", s.nodes},
            {"normal_ops", s.normalOps},
            {"reduce_ops", s.reduceOps},
            {"channels", s.channels},
            {"layers", s.layers},
            {"stem_multiplier", s.stemMultiplier},
            {"input", {s.input.channels, s.input.height, s.input.width}},
            {"classes", s.classes}};
}

space::SpaceConfig spaceFromJson(const nlohmann::json& j) {
    space::SpaceConfig s;
    s.nodes = j.at("nodes").get<int>();
    s.normalOps = j.at("normal_ops").get<std::vector<std::string>>();
    s.reduceOps = j.at("reduce_ops").get<std::vector<std::string>>();
    s.channels = j.at("channels").get<int>();
    s.layers = j.at("layers").get<int>();
    s.stemMultiplier = j.at("stem_multiplier").get<int>();
    const auto input = j.at("input").get<std::vector<int>>();
    if (input.size() != 3) throw std::invalid_argument("the space's input shape is not C, H, W");
    s.input = {input[0], input[1], input[2]};
    s.classes = j.at("classes").get<int>();
    return s;
}

void checkOptions(const PredictorOptions& o) {
    auto require = [](bool ok, const std::string& what) {
        if (!ok) throw std::invalid_argument("predictor options: " + what);
    };
    require(o.members >= 1, "members must be at least 1");
    require(o.epochs >= 1, "epochs must be at least 1");
    require(o.batchSize >= 1, "batch size must be at least 1");
    require(o.learningRate > 0, "learning rate must be positive");
    require(o.weightDecay >= 0, "weight decay must not be negative");
    require(o.dropout >= 0 && o.dropout < 1, "dropout must be in [0, 1)");
    require(o.gcnLayers >= 1 && o.gcnWidth >= 1 && o.headWidth >= 1, "GCN sizes must be positive");
    require(o.mlpLayers >= 0 && o.mlpWidth >= 1, "MLP sizes must be positive");
}

// Standardised scores of a batch of encoded architectures, in eval mode and without gradients. A
// fitted member is already in eval mode and is then only read, so that several threads (the
// studio's panel and its best-under-constraints job) may predict with one predictor at once.
torch::Tensor evaluate(ScoreNetwork& network, const EncodedSet& set) {
    torch::NoGradGuard noGrad;
    const bool training = network.is_training();
    if (training) network.eval();
    std::vector<torch::Tensor> parts;
    for (std::int64_t first = 0; first < set.size(); first += kPredictBatch) {
        const auto index = torch::arange(first, std::min(set.size(), first + kPredictBatch));
        parts.push_back(network.forward(set.select(index)));
    }
    if (training) network.train();
    return parts.empty() ? torch::zeros({0}) : torch::cat(parts);
}

}  // namespace

struct Predictor::Impl {
    space::SpaceConfig space;
    PredictorOptions options;
    TrainingSummary summary;
    std::vector<std::shared_ptr<ScoreNetwork>> members;

    // One member from `seed`; nullptr when cancelled.
    std::shared_ptr<ScoreNetwork> fitMember(
        int member, const EncodedSet& data, const torch::Tensor& targets, const PredictorOptions& o,
        const FitProgressCallback& progress, const std::atomic<bool>* cancel,
        const EncodedSet* heldOut, const std::vector<double>* heldOutScores, int reportEvery) const;
};

Predictor::Predictor(const space::SpaceConfig& space) : m_impl(std::make_unique<Impl>()) {
    m_impl->space = space;
}
Predictor::~Predictor() = default;
Predictor::Predictor(Predictor&&) noexcept = default;
Predictor& Predictor::operator=(Predictor&&) noexcept = default;

std::shared_ptr<ScoreNetwork> Predictor::Impl::fitMember(
    int member, const EncodedSet& data, const torch::Tensor& targets, const PredictorOptions& o,
    const FitProgressCallback& progress, const std::atomic<bool>* cancel, const EncodedSet* heldOut,
    const std::vector<double>* heldOutScores, int reportEvery) const {
    const std::uint64_t seed = o.seed + static_cast<std::uint64_t>(member);
    torch::manual_seed(seed);
    auto network = makeScoreNetwork(o, space);
    network->train();
    torch::optim::Adam optimizer(
        network->parameters(),
        torch::optim::AdamOptions(o.learningRate).weight_decay(o.weightDecay));
    std::mt19937_64 rng(seed);
    std::vector<std::int64_t> order(static_cast<std::size_t>(data.size()));
    std::iota(order.begin(), order.end(), std::int64_t{0});
    const double pi = std::acos(-1.0);
    for (int epoch = 0; epoch < o.epochs; ++epoch) {
        // Cosine annealing from the learning rate to 0 over the epochs.
        const double lr = o.learningRate * 0.5 * (1.0 + std::cos(pi * epoch / o.epochs));
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
        std::shuffle(order.begin(), order.end(), rng);
        double lossSum = 0;
        for (std::size_t first = 0; first < order.size();
             first += static_cast<std::size_t>(o.batchSize)) {
            if (cancel && cancel->load()) return nullptr;
            const auto last = std::min(order.size(), first + static_cast<std::size_t>(o.batchSize));
            const auto index = torch::tensor(
                std::vector<std::int64_t>(order.begin() + static_cast<std::ptrdiff_t>(first),
                                          order.begin() + static_cast<std::ptrdiff_t>(last)),
                torch::kLong);
            optimizer.zero_grad();
            const auto loss = torch::mse_loss(network->forward(data.select(index)),
                                              targets.index_select(0, index));
            loss.backward();
            optimizer.step();
            lossSum += loss.item<double>() * static_cast<double>(last - first);
        }
        const bool last = epoch + 1 == o.epochs;
        if (progress && ((epoch + 1) % reportEvery == 0 || last)) {
            FitProgress p;
            p.member = member;
            p.members = o.members;
            p.epoch = epoch + 1;
            p.epochs = o.epochs;
            p.trainLoss = lossSum / static_cast<double>(order.size());
            if (heldOut) {
                const auto predicted = evaluate(*network, *heldOut).to(torch::kDouble).contiguous();
                p.heldOutSpearman = study::spearman(
                    *heldOutScores,
                    std::vector<double>(predicted.data_ptr<double>(),
                                        predicted.data_ptr<double>() + predicted.numel()));
            }
            progress(p);
        }
    }
    network->eval();
    return network;
}

bool Predictor::fit(const TrainingSet& data, const PredictorOptions& options,
                    const FitProgressCallback& progress, const std::atomic<bool>* cancel,
                    const TrainingSet* heldOut, int reportEvery) {
    checkOptions(options);
    if (data.genotypes.size() != data.scores.size())
        throw std::invalid_argument("the training set has " +
                                    std::to_string(data.genotypes.size()) + " architectures but " +
                                    std::to_string(data.scores.size()) + " scores");
    if (data.genotypes.size() < 2)
        throw std::invalid_argument("a predictor needs at least 2 architectures to fit");
    for (double s : data.scores)
        if (!std::isfinite(s))
            throw std::invalid_argument("the training set has a score that is not finite");
    const auto encoded = encodeSet(data.genotypes, m_impl->space, options.model);
    std::optional<EncodedSet> heldOutSet;
    if (heldOut && !heldOut->genotypes.empty())
        heldOutSet = encodeSet(heldOut->genotypes, m_impl->space, options.model);

    TrainingSummary summary;
    const auto n = static_cast<double>(data.scores.size());
    summary.count = static_cast<int>(data.scores.size());
    summary.scoreMean = std::accumulate(data.scores.begin(), data.scores.end(), 0.0) / n;
    double squares = 0;
    for (double s : data.scores) squares += (s - summary.scoreMean) * (s - summary.scoreMean);
    summary.scoreStd = std::sqrt(squares / n);
    // Equal scores leave nothing to standardise by; the predictor then learns their mean.
    if (!(summary.scoreStd > 1e-12)) summary.scoreStd = 1;
    summary.scoreMin = *std::min_element(data.scores.begin(), data.scores.end());
    summary.scoreMax = *std::max_element(data.scores.begin(), data.scores.end());
    std::vector<double> standardised;
    for (double s : data.scores) standardised.push_back((s - summary.scoreMean) / summary.scoreStd);
    const auto targets = torch::tensor(standardised, torch::kDouble).to(torch::kFloat);

    const int every = reportEvery > 0 ? reportEvery : std::max(1, options.epochs / 20);
    GlobalRandomStateGuard keepGlobalRandomState;
    std::vector<std::shared_ptr<ScoreNetwork>> members;
    for (int m = 0; m < options.members; ++m) {
        auto member = m_impl->fitMember(m, encoded, targets, options, progress, cancel,
                                        heldOutSet ? &*heldOutSet : nullptr,
                                        heldOut ? &heldOut->scores : nullptr, every);
        if (!member) return false;
        members.push_back(std::move(member));
    }
    m_impl->options = options;
    m_impl->summary = summary;
    m_impl->members = std::move(members);
    return true;
}

bool Predictor::fitted() const { return !m_impl->members.empty(); }

std::vector<Prediction> Predictor::predict(const std::vector<space::Genotype>& genotypes) const {
    if (!fitted()) throw std::logic_error("the predictor has not been fitted");
    if (genotypes.empty()) return {};
    const auto encoded = encodeSet(genotypes, m_impl->space, m_impl->options.model);
    std::vector<torch::Tensor> outputs;
    for (const auto& member : m_impl->members) outputs.push_back(evaluate(*member, encoded));
    // [members, B], in the scores' units.
    const auto scores = (torch::stack(outputs).to(torch::kDouble) * m_impl->summary.scoreStd +
                         m_impl->summary.scoreMean);
    const auto mean = scores.mean(0).contiguous();
    const auto spread = (scores - scores.mean(0)).pow(2).mean(0).sqrt().contiguous();
    std::vector<Prediction> out(genotypes.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = {mean[static_cast<std::int64_t>(i)].item<double>(),
                  spread[static_cast<std::int64_t>(i)].item<double>()};
    return out;
}

Prediction Predictor::predict(const space::Genotype& genotype) const {
    return predict(std::vector<space::Genotype>{genotype}).front();
}

void Predictor::check(const space::Genotype& genotype) const {
    checkArchitecture(genotype, m_impl->space);
}

const space::SpaceConfig& Predictor::space() const { return m_impl->space; }
const PredictorOptions& Predictor::options() const { return m_impl->options; }
const TrainingSummary& Predictor::summary() const { return m_impl->summary; }
TrainingSummary& Predictor::summary() { return m_impl->summary; }
int Predictor::encodingVersion() const { return kGraphEncodingVersion; }

void Predictor::save(const std::string& path) const {
    if (!fitted()) throw std::logic_error("the predictor has not been fitted");
    const nlohmann::json metadata = {{"format", kFormat},
                                     {"encoding_version", kGraphEncodingVersion},
                                     {"space", spaceToJson(m_impl->space)},
                                     {"options", optionsToJson(m_impl->options)},
                                     {"training", summaryToJson(m_impl->summary)}};
    torch::serialize::OutputArchive archive;
    archive.write("metadata", c10::IValue(metadata.dump()));
    for (std::size_t m = 0; m < m_impl->members.size(); ++m) {
        torch::serialize::OutputArchive member;
        m_impl->members[m]->save(member);
        archive.write("member" + std::to_string(m), member);
    }
    try {
        engine::saveArchiveAtomically(archive, path);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string("cannot save the predictor: ") + e.what());
    }
}

Predictor Predictor::load(const std::string& path) {
    auto fail = [&path](const std::string& why) {
        return std::runtime_error("cannot load the predictor '" + path + "': " + why);
    };
    torch::serialize::InputArchive archive;
    nlohmann::json metadata;
    try {
        archive.load_from(path, torch::kCPU);
        c10::IValue text;
        archive.read("metadata", text);
        metadata = nlohmann::json::parse(text.toStringRef());
    } catch (const c10::Error& e) {
        throw fail(e.what_without_backtrace());
    } catch (const nlohmann::json::exception& e) {
        throw fail(e.what());
    }
    if (metadata.value("format", "") != kFormat) throw fail("it is not a predictor file");
    const int version = metadata.value("encoding_version", 0);
    if (version != kGraphEncodingVersion)
        throw fail("it was fitted on encoding version " + std::to_string(version) +
                   ", this build encodes version " + std::to_string(kGraphEncodingVersion) +
                   "; fit it again");
    try {
        const auto space = spaceFromJson(metadata.at("space"));
        Predictor predictor(space);
        predictor.m_impl->options = optionsFromJson(metadata.at("options"));
        predictor.m_impl->summary = summaryFromJson(metadata.at("training"));
        for (int m = 0; m < predictor.m_impl->options.members; ++m) {
            auto network = makeScoreNetwork(predictor.m_impl->options, space);
            torch::serialize::InputArchive member;
            archive.read("member" + std::to_string(m), member);
            network->load(member);
            network->eval();
            predictor.m_impl->members.push_back(std::move(network));
        }
        return predictor;
    } catch (const c10::Error& e) {
        throw fail(e.what_without_backtrace());
    } catch (const nlohmann::json::exception& e) {
        throw fail(e.what());
    } catch (const std::invalid_argument& e) {
        throw fail(e.what());
    }
}

}  // namespace nas::predictor
