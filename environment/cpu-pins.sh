# Sourced by every script that starts PyTorch: its CPU kernels pinned to AVX2 (oneDNN, ATen, MKL). oneDNN's
# AVX-512 kernels made training NaN on AVX-512 CPUs, and each CPU's own kernels give other floats. The values are
# org.thesislab.core.CpuKernels.PINS (CpuKernelsTest checks that this file, tests/pom.xml and the kernelspec agree);
# THESISLAB_CPU_KERNELS=native leaves them off. CPU_PINS holds what was exported.
CPU_PINS=(ONEDNN_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=AVX2)
if [ "${THESISLAB_CPU_KERNELS:-}" != native ] && grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
  export "${CPU_PINS[@]}"
else
  CPU_PINS=()
fi
