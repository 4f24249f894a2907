#include "parallel/rank_group.h"

#include <cstdlib>
#include <map>
#include <stdexcept>

#include "parallel/join_job.h"

#ifdef NAS_HAVE_GLOO
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO  // c10d's Gloo header is empty without it
#endif
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

namespace nas::parallel {

#ifdef NAS_HAVE_GLOO

struct RankGroup::Impl {
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

namespace {

std::string where(const RankSetup& s) {
    return s.masterAddress + ":" + std::to_string(s.masterPort);
}

}  // namespace

RankGroup::RankGroup(const RankSetup& setup) : m_setup(setup), m_impl(std::make_unique<Impl>()) {
    if (const auto problems = rankSetupProblems(setup); !problems.empty())
        throw std::invalid_argument(problems.front());
    const std::chrono::milliseconds timeout(std::int64_t{setup.timeoutSeconds} * 1000);
    try {
        c10d::TCPStoreOptions options;
        options.port = static_cast<std::uint16_t>(setup.masterPort);
        options.isServer = setup.rank == 0;
        options.numWorkers = static_cast<std::size_t>(setup.worldSize);
        options.waitWorkers = true;
        options.timeout = timeout;
        m_impl->store = c10::make_intrusive<c10d::TCPStore>(setup.masterAddress, options);
        auto groupOptions = c10d::ProcessGroupGloo::Options::create(timeout);
        // GLOO_SOCKET_IFNAME picks the network interface, as for PyTorch's own launchers.
        const char* interface = std::getenv("GLOO_SOCKET_IFNAME");
        groupOptions->devices.push_back(
            interface ? c10d::ProcessGroupGloo::createDeviceForInterface(interface)
                      : c10d::ProcessGroupGloo::createDefaultDevice());
        m_impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(m_impl->store, setup.rank,
                                                                    setup.worldSize, groupOptions);
    } catch (const std::exception& e) {
        throw std::runtime_error("rank " + std::to_string(setup.rank) + " of " +
                                 std::to_string(setup.worldSize) + " could not join the job at " +
                                 where(setup) + " within " + std::to_string(setup.timeoutSeconds) +
                                 " s: " + e.what());
    }
}

RankGroup::~RankGroup() = default;

namespace {

// Waits for a collective; a rank that died or stopped answering ends the job on every rank.
template <typename Work>
void finish(const Work& work, const RankSetup& setup) {
    try {
        work->wait();
    } catch (const std::exception& e) {
        std::string what = e.what();
        if (const auto newline = what.find('\n'); newline != std::string::npos)
            what.resize(newline);  // c10 appends a stack trace
        throw std::runtime_error("rank " + std::to_string(setup.rank) + " of " +
                                 std::to_string(setup.worldSize) +
                                 " lost the data-parallel job (another rank died or did not answer "
                                 "within " +
                                 std::to_string(setup.timeoutSeconds) + " s: " + what + ")");
    }
}

}  // namespace

void RankGroup::averageGradients(const std::vector<torch::Tensor>& parameters) {
    if (parameters.empty()) return;
    const auto options = parameters.front().options();
    std::vector<torch::Tensor> pieces;
    pieces.reserve(parameters.size() + 1);
    // Which gradients this rank has, filled on the host: one element write per parameter on a
    // GPU tensor would be a kernel launch each, every step.
    std::vector<float> has(parameters.size(), 0.0f);
    for (size_t i = 0; i < parameters.size(); ++i) {
        const auto& grad = parameters[i].grad();
        if (grad.defined()) has[i] = 1.0f;
        pieces.push_back(grad.defined() ? grad.detach().reshape(-1)
                                        : torch::zeros({parameters[i].numel()}, options));
    }
    const auto present = torch::tensor(has).to(options);
    pieces.push_back(present);
    // Gloo reduces host memory; a GPU search pays one copy each way.
    auto flat = torch::cat(pieces).to(torch::kCPU).contiguous();
    std::vector<torch::Tensor> buffers{flat};
    finish(m_impl->group->allreduce(buffers), m_setup);
    flat = buffers.front().div_(m_setup.worldSize).to(options.device());
    const auto presentAnywhere = flat.narrow(0, flat.numel() - present.numel(), present.numel())
                                     .to(torch::kCPU, torch::kDouble);
    const double* anywhere = presentAnywhere.data_ptr<double>();
    std::int64_t offset = 0;
    for (size_t i = 0; i < parameters.size(); ++i) {
        auto parameter = parameters[i];
        const auto n = parameter.numel();
        auto& grad = parameter.mutable_grad();
        if (anywhere[i] == 0.0) {
            grad = torch::Tensor();
        } else {
            if (!grad.defined()) grad = torch::zeros_like(parameter);
            grad.copy_(flat.narrow(0, offset, n).view_as(parameter));
        }
        offset += n;
    }
}

void RankGroup::broadcastFromRankZero(const std::vector<torch::Tensor>& tensors) {
    // One broadcast per element type (weights and statistics are float, batch counts int64), each
    // of every such tensor flattened into one buffer: hundreds of batch-norm buffers would
    // otherwise cost hundreds of round trips.
    std::map<c10::ScalarType, std::vector<torch::Tensor>> byType;
    for (const auto& tensor : tensors) byType[tensor.scalar_type()].push_back(tensor);
    torch::NoGradGuard noGrad;
    for (auto& [type, group] : byType) {
        std::vector<torch::Tensor> pieces;
        for (const auto& tensor : group)
            pieces.push_back(tensor.detach().reshape(-1).to(torch::kCPU));
        std::vector<torch::Tensor> buffers{torch::cat(pieces)};
        finish(m_impl->group->broadcast(buffers), m_setup);
        std::int64_t offset = 0;
        for (auto& tensor : group) {
            tensor.copy_(buffers.front().narrow(0, offset, tensor.numel()).view_as(tensor));
            offset += tensor.numel();
        }
    }
}

namespace {

c10d::AllreduceOptions largest() {
    c10d::AllreduceOptions options;
    options.reduceOp = c10d::ReduceOp::MAX;
    return options;
}

}  // namespace

bool RankGroup::anyRankStops(bool thisRankStops) {
    std::vector<torch::Tensor> flag{torch::full({1}, thisRankStops ? 1.0f : 0.0f)};
    finish(m_impl->group->allreduce(flag, largest()), m_setup);
    return flag.front().item<float>() > 0;
}

std::vector<double> RankGroup::mean(const std::vector<double>& values) {
    std::vector<torch::Tensor> sums{torch::tensor(values, torch::kDouble)};
    finish(m_impl->group->allreduce(sums), m_setup);
    const auto means = sums.front().div_(m_setup.worldSize).contiguous();
    return {means.data_ptr<double>(), means.data_ptr<double>() + means.numel()};
}

std::pair<double, double> RankGroup::range(double value) {
    std::vector<torch::Tensor> high{torch::full({1}, value, torch::kDouble)};
    std::vector<torch::Tensor> low{torch::full({1}, -value, torch::kDouble)};
    finish(m_impl->group->allreduce(high, largest()), m_setup);
    finish(m_impl->group->allreduce(low, largest()), m_setup);
    return {-low.front().item<double>(), high.front().item<double>()};
}

#else  // a LibTorch without Gloo's headers: single-process searches only

struct RankGroup::Impl {};

RankGroup::RankGroup(const RankSetup& setup) : m_setup(setup) {
    throw std::runtime_error(
        "this build has no data-parallel support: Gloo's headers were missing when it was "
        "configured (Debian: libgloo-dev)");
}
RankGroup::~RankGroup() = default;
void RankGroup::averageGradients(const std::vector<torch::Tensor>&) {}
void RankGroup::broadcastFromRankZero(const std::vector<torch::Tensor>&) {}
bool RankGroup::anyRankStops(bool thisRankStops) { return thisRankStops; }
std::vector<double> RankGroup::mean(const std::vector<double>& values) { return values; }
std::pair<double, double> RankGroup::range(double value) { return {value, value}; }

#endif

std::shared_ptr<RankGroup> joinJob(const RankSetup& setup) {
    return std::make_shared<RankGroup>(setup);
}

double weightsChecksum(const std::vector<torch::Tensor>& tensors) {
    torch::NoGradGuard noGrad;
    double sum = 0;
    double position = 1;
    for (const auto& t : tensors) {
        const auto flat = t.detach().to(torch::kCPU, torch::kDouble).reshape(-1);
        const auto weights =
            torch::arange(position, position + static_cast<double>(flat.numel()), torch::kDouble);
        sum += (flat * weights.sin()).sum().item<double>();
        position += static_cast<double>(flat.numel());
    }
    return sum;
}

}  // namespace nas::parallel
