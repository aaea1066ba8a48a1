"""xling.score"""
