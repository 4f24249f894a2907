#pragma once
// CIFAR-10, binary version (the cifar-10-batches-bin layout).
#include <string>

#include "data/image_set.h"

namespace nas::data {

// Reads dir/data_batch_1.bin .. data_batch_5.bin (Split::Train, 50000 items) or dir/test_batch.bin
// (Split::Test, 10000 items); where dir lacks them but holds a cifar-10-batches-bin folder (as the
// archive unpacks), that folder is read. Each 3073-byte record is a label byte then 1024 red,
// 1024 green and 1024 blue bytes of a 32 x 32 image, which is already the C,H,W order ImageSet
// wants. Every batch file must exist and hold a whole, non-zero number of records, even those a
// `limit` > 0 leaves unread; labels must be below 10. Throws DatasetError naming the file and the
// problem.
[[nodiscard]] ImageSet readCifar10(const std::string& dir, Split split, int limit = 0);

}  // namespace nas::data
