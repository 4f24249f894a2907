#pragma once
// Runs Debian's Python (with python3-torch) on files a test writes into its own temporary folder.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace nas::testing {

// Debian's interpreter (the python3 on PATH may be another one without torch), unless
// NAS_TEST_PYTHON names one: on a GPU machine, the Python that holds PyTorch.
inline std::string pythonInterpreter() {
    const char* python = std::getenv("NAS_TEST_PYTHON");
    return python && *python ? python : "/usr/bin/python3";
}

struct ProcessResult {
    int status = -1;
    std::string output;  // stdout and stderr together
};

inline ProcessResult runCommand(const std::string& command) {
    ProcessResult run;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
    run.status = pclose(pipe);
    return run;
}

// A fixture with a fresh temporary folder; fails (never skips) when Python cannot import torch.
class PythonTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const ProcessResult probe = runCommand(pythonInterpreter() + " -c 'import torch'");
        if (probe.status != 0)
            FAIL() << pythonInterpreter()
                   << " cannot import torch; run packaging/install-deps.sh (it installs "
                   << "Debian's python3-torch). Python said:\n"
                   << probe.output;
        std::string pattern =
            (std::filesystem::temp_directory_path() / "nas_export_test_XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        if (!m_dir.empty()) std::filesystem::remove_all(m_dir, ec);
    }

    std::filesystem::path write(const std::string& name, const std::string& text) const {
        const auto file = m_dir / name;
        std::ofstream(file) << text;
        return file;
    }

    // Writes `source` to NAME.py in the folder and runs it there with `arguments`.
    ProcessResult runPython(const std::string& name, const std::string& source,
                            const std::string& arguments = "") const {
        const auto file = write(name + ".py", source);
        return runCommand("cd '" + m_dir.string() + "' && " + pythonInterpreter() + " '" +
                          file.string() + "' " + arguments);
    }

    std::filesystem::path m_dir;
};

}  // namespace nas::testing
