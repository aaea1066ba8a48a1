"""xling.text"""
