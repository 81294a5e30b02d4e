import { mountApp } from '../shared/mountApp';
import { cpRoutes } from './CpApp';

mountApp(cpRoutes);
