#pragma once
// A strategy that exists only in this test folder: registering it must be all it takes for the
// CLI, the config parser and the launch panel to offer it.

namespace nas::fixtures {

// Registers "toy" (family: editing; one setting, toy.width_scale = 0.5) with a working engine.
void registerToyStrategy();

}  // namespace nas::fixtures
