# Sourced by every script that starts PyTorch: its CPU kernels pinned (oneDNN at SSE4.1, ATen and MKL at AVX2).
# oneDNN 3.5.3's AVX2 and AVX-512 convolutions read memory they have not written on some CPUs (NaN, and different
# numbers each run), and each CPU's own kernels give other floats. The values are org.thesislab.core.CpuKernels.PINS
# (CpuKernelsTest checks that this file, tests/pom.xml and the kernelspec agree); THESISLAB_CPU_KERNELS=native
# leaves them off. CPU_PINS holds what was exported.
CPU_PINS=(ONEDNN_MAX_CPU_ISA=SSE41 ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=AVX2)
if [ "${THESISLAB_CPU_KERNELS:-}" != native ] && grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
  export "${CPU_PINS[@]}"
else
  CPU_PINS=()
fi
