/**
 * ONNX Runtime's builds start Microsoft's telemetry when the runtime loads: they write a device id and an event
 * queue under ~/.cache/Microsoft/DeveloperTools/.onnxruntime and try to upload them. An OCR of ID cards must do
 * neither, so this is imported (for its effect) before onnxruntime-node anywhere in the project.
 */
process.env.ORT_DISABLE_TELEMETRY = '1';
