Value of VALUE: 40404

