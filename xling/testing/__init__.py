"""xling.testing"""
