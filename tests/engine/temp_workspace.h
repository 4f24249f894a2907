#pragma once
// A fresh workspace folder for one engine test, removed with everything in it afterwards.
#include <unistd.h>

#include <filesystem>
#include <string>

#include "engine/workspace.h"
#include "store/run_store.h"

namespace nas::fixtures {

class TempWorkspace {
  public:
    TempWorkspace() {
        static int counter = 0;
        m_root = (std::filesystem::temp_directory_path() /
                  ("nas-session-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                     .string();
        std::filesystem::remove_all(m_root);
    }
    ~TempWorkspace() { std::filesystem::remove_all(m_root); }
    TempWorkspace(const TempWorkspace&) = delete;
    TempWorkspace& operator=(const TempWorkspace&) = delete;
    [[nodiscard]] const std::string& root() const { return m_root; }
    [[nodiscard]] store::RunStore store() const {
        return store::RunStore(engine::Workspace(m_root).databasePath());
    }

  private:
    std::string m_root;
};

}  // namespace nas::fixtures
