"""Character-level tools the steps and dedup share: code points, the character model, OpenCC t2s tables."""
