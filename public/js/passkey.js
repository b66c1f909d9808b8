// Passkey ceremonies; replaced by the second-factor part.
