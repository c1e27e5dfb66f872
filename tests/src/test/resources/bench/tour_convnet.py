"""The tour's convnet trained in PyTorch-in-Python, same batch and threads; prints images/second last."""
import sys
import time

import torch
from torch import nn

threads, batch = int(sys.argv[1]), int(sys.argv[2])
torch.set_num_threads(threads)
torch.manual_seed(0)
net = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
x, y = torch.rand(batch, 1, 28, 28), torch.randint(0, 10, (batch,))


def step():
    opt.zero_grad()
    nn.functional.cross_entropy(net(x), y).backward()
    opt.step()


for _ in range(5):
    step()
t0 = time.perf_counter()
for _ in range(40):
    step()
print(batch * 40 / (time.perf_counter() - t0))
