"""xling.formats"""
