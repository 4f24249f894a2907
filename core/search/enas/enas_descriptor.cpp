// ENAS in the registry: its config section and checks (torch-free). The defaults are those of the
// authors' micro search (scripts/cifar10_micro_search.sh and the controller it builds); the memory
// buffer's are Adam & Lorraine's.
#include "engine/search_config.h"
#include "search/registry/problem_list.h"
#include "search/registry/strategy_registry.h"

namespace nas::search::enas {
namespace {

// Bounds that refuse a typo rather than run it for days.
constexpr std::int64_t kMaxLstmSize = 4096;
constexpr std::int64_t kMaxSamples = 1000000;

std::vector<std::string> validate(const engine::SearchConfig& config) {
    ProblemList problems;
    auto whole = [&config](const char* key) { return wholeOption(config, "enas", key); };
    auto real = [&config](const char* key) { return realOption(config, "enas", key); };
    problems.check(whole("lstm_size") >= 1 && whole("lstm_size") <= kMaxLstmSize,
                   "enas.lstm_size must be from 1 to " + std::to_string(kMaxLstmSize));
    problems.check(real("tanh_constant") >= 0,
                   "enas.tanh_constant must be at least 0 (0: no shaping)");
    problems.check(real("op_tanh_reduce") > 0, "enas.op_tanh_reduce must be positive");
    problems.check(real("entropy_weight") >= 0, "enas.entropy_weight must be at least 0");
    problems.check(real("baseline_decay") >= 0 && real("baseline_decay") < 1,
                   "enas.baseline_decay must be at least 0 and below 1");
    problems.check(real("lr") > 0, "enas.lr must be positive");
    problems.check(whole("train_steps") >= 0 && whole("train_steps") <= kMaxSamples,
                   "enas.train_steps must be from 0 to " + std::to_string(kMaxSamples));
    problems.check(whole("num_aggregate") >= 1 && whole("num_aggregate") <= kMaxSamples,
                   "enas.num_aggregate must be from 1 to " + std::to_string(kMaxSamples));
    problems.check(whole("derive_samples") >= 1 && whole("derive_samples") <= kMaxSamples,
                   "enas.derive_samples must be from 1 to " + std::to_string(kMaxSamples));
    problems.check(whole("derive_batches") >= 1, "enas.derive_batches must be at least 1");
    const auto bn = wordOption(config, "enas", "bn_mode");
    problems.check(bn == "eval" || bn == "recalibrate" || bn == "batch",
                   "enas.bn_mode must be eval, recalibrate or batch (got '" + bn + "')");
    problems.check(whole("memory_buffer.start_epoch") >= 0,
                   "enas.memory_buffer.start_epoch must be at least 0");
    problems.check(
        whole("memory_buffer.capacity") >= 1 && whole("memory_buffer.capacity") <= kMaxSamples,
        "enas.memory_buffer.capacity must be from 1 to " + std::to_string(kMaxSamples));
    problems.check(
        whole("memory_buffer.loss_start_epoch") >= whole("memory_buffer.start_epoch"),
        "enas.memory_buffer.loss_start_epoch must not come before memory_buffer.start_epoch");
    problems.check(whole("memory_buffer.batch") >= 1 && whole("memory_buffer.batch") <= kMaxSamples,
                   "enas.memory_buffer.batch must be from 1 to " + std::to_string(kMaxSamples));
    problems.check(real("memory_buffer.weight") >= 0,
                   "enas.memory_buffer.weight must be at least 0");
    if (config.strategy == "enas") {
        int choices = 0;
        for (const auto& op : config.space.normalOps) choices += op != "none";
        problems.check(choices >= 1, "enas needs at least one op besides none in space.normal_ops");
        choices = 0;
        for (const auto& op : config.space.reduceOps) choices += op != "none";
        problems.check(choices >= 1, "enas needs at least one op besides none in space.reduce_ops");
    }
    return problems.take();
}

}  // namespace

StrategyDescriptor descriptor() {
    StrategyDescriptor d;
    d.name = "enas";
    d.displayName = "ENAS";
    d.description =
        "an LSTM controller samples cells; REINFORCE on shared-weight accuracy, optional memory "
        "buffer";
    d.family = StrategyFamily::Controller;
    d.options = {
        {"lstm_size", std::int64_t{64}, "controller LSTM hidden size"},
        {"tanh_constant", 1.1, "input logits become c*tanh(l) (0: no shaping)"},
        {"op_tanh_reduce", 2.5, "op logits use tanh_constant divided by this"},
        {"op_bias", true,
         "the authors' op bias: separable convolutions favoured (learned 10, fixed +-0.25 in "
         "normal cells)"},
        {"entropy_weight", 1e-4, "reward bonus per nat of the sample's entropy"},
        {"baseline_decay", 0.99, "moving-average baseline: b -= (1 - decay)(b - reward)"},
        {"lr", 0.0035, "controller Adam learning rate (beta1 0, epsilon 1e-3)"},
        {"train_steps", std::int64_t{30}, "controller updates after each epoch"},
        {"num_aggregate", std::int64_t{10}, "sampled architectures per controller update"},
        {"derive_samples", std::int64_t{100},
         "samples scored after each epoch; the best is the epoch's architecture"},
        {"derive_batches", std::int64_t{1}, "validation batches that score each derive sample"},
        {"bn_mode", std::string("batch"),
         "batch norm while scoring: batch (the authors'), eval or recalibrate"},
        {"memory_buffer.enabled", false,
         "train the controller to reconstruct earlier samples (Adam & Lorraine)"},
        {"memory_buffer.start_epoch", std::int64_t{5}, "first epoch whose samples are kept"},
        {"memory_buffer.capacity", std::int64_t{10000}, "samples kept; the oldest go first"},
        {"memory_buffer.loss_start_epoch", std::int64_t{10},
         "first epoch whose updates add the reconstruction loss"},
        {"memory_buffer.batch", std::int64_t{100}, "kept samples reconstructed per update"},
        {"memory_buffer.weight", 1.0, "weight of the reconstruction cross-entropy"},
    };
    d.validate = validate;
    return d;
}

}  // namespace nas::search::enas
