"""xling.align"""
