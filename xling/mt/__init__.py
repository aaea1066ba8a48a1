"""xling.mt"""
